package org.bothy.escalation.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.escalation.candidate.CandidateProposals;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one record of {@code bothy.place.evidence} (v1 or v2 of each signal) in one transaction with its offset:
 * idempotent on the event id, every signal's counts kept for the trend, latest signal per pattern (EvidenceSignal) and per
 * issue (IssueSignal, by revision), candidates by the rules. A record that is not a valid evidence
 * contract is logged with its reason, counted, and skipped; the place service owns the evidence topic
 * and learns from it, so nothing is dead-lettered here.
 */
@Component
public class SignalRecorder {

    private static final Logger log = LoggerFactory.getLogger(SignalRecorder.class);

    private final ContractCodec codec = ContractCodec.standard();
    private final PatternSignals signals;
    private final IssueSignals issues;
    private final SignalTrend trend;
    private final CandidateProposals proposals;
    private final IntakeOffsets offsets;
    private final Codes codes;
    private final Counter rejected;

    public SignalRecorder(PatternSignals signals, IssueSignals issues, SignalTrend trend, CandidateProposals proposals,
                          IntakeOffsets offsets, Codes codes, MeterRegistry meters) {
        this.signals = signals;
        this.issues = issues;
        this.trend = trend;
        this.proposals = proposals;
        this.offsets = offsets;
        this.codes = codes;
        this.rejected = Counter.builder("bothy.intake.rejected")
                .description("evidence records skipped because they are not a valid evidence contract")
                .tag("topic", EvidenceIntake.TOPIC)
                .register(meters);
    }

    /** Applies the record and stores the offset after it, all or nothing. */
    @Transactional
    public void apply(ConsumerRecord<String, byte[]> record) {
        ContractEvent event = read(record);
        if (event instanceof EvidenceSignal signal && signals.firstSighting(signal.eventId())) {
            trend.record(signal.eventId(), signal.patternKey(), signal.occurredAt(), signal.peopleAtLeast(),
                    signal.people().shown(), signal.organisationsAtLeast());
            if (signals.keepIfLatest(signal)) {
                proposals.consider(signal);
            }
        } else if (event instanceof IssueSignal signal && signals.firstSighting(signal.eventId())) {
            trend.record(signal.eventId(), signal.issueKey(), signal.occurredAt(), signal.peopleAtLeast(),
                    signal.people().shown(), signal.organisationsAtLeast());
            if (issues.keepIfLatest(signal)) {
                proposals.consider(signal);
            }
        }
        offsets.store(record.topic(), record.partition(), record.offset() + 1);
    }

    /** The record's signal, or null (logged and counted) if it is not a valid one; checked before anything is written. */
    private ContractEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            ContractEvent event = codec.fromRecord(record);
            if (event instanceof EvidenceSignal signal) {
                codes.theme(signal.theme());
                codes.systemActor(signal.systemActor());
                if (!signal.patternKey().equals(EvidenceSignal.patternKey(signal.theme(), signal.systemActor()))) {
                    reject(record, "patternKey '" + signal.patternKey() + "' is not theme:systemActor");
                    return null;
                }
                return signal;
            }
            if (event instanceof IssueSignal signal) {
                signal.themes().forEach(codes::theme);
                signal.systemActors().forEach(codes::systemActor);
                codes.owner(signal.owner());
                if (!signal.issueKey().equals(IssueSignal.issueKey(signal.organisation(), signal.issueId()))) {
                    reject(record, "issueKey '" + signal.issueKey() + "' is not issue:organisation:issueId");
                    return null;
                }
                return signal;
            }
            reject(record, "not an evidence signal: " + event.getClass().getSimpleName());
            return null;
        } catch (ContractViolation | UnknownCodeException e) {
            reject(record, e.getMessage());
            return null;
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        rejected.increment();
        // Evidence carries codes and counts only, so the reason is safe to log.
        log.warn("skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    }
}
