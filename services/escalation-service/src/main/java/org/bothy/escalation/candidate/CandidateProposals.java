package org.bothy.escalation.candidate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.escalation.escalation.api.AddEvidence;
import org.bothy.escalation.rules.CandidateRule;
import org.bothy.escalation.rules.IssueRule;
import org.bothy.escalation.rules.Rules;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.springframework.stereotype.Service;

/**
 * Turns the latest signal for a pattern or a published issue into a candidate, into fresh counts on the open one, or
 * into evidence added to the key's open escalation. A pattern
 * already escalated gets no new candidate while its escalation is open: it is in front of its body, and the answer
 * is followed there. Once the place has closed it with its verdict, evidence above the rule proposes afresh.
 */
@Service
public class CandidateProposals {

    private final Rules rules;
    private final CandidateStore candidates;
    private final Codes codes;
    private final OpenEscalations escalations;
    private final CommandGateway commands;
    private final Clock clock;

    public CandidateProposals(Rules rules, CandidateStore candidates, Codes codes, OpenEscalations escalations,
                              CommandGateway commands, Clock clock) {
        this.rules = rules;
        this.escalations = escalations;
        this.commands = commands;
        this.candidates = candidates;
        this.codes = codes;
        this.clock = clock;
    }

    /** Applies the rule to the latest signal of its pattern; runs inside the intake's transaction. */
    public void consider(EvidenceSignal signal) {
        // the rules in force now: a reloaded file applies from the next signal on
        CandidateRule.Judgement judgement = rules.current().judge(signal);
        Instant now = clock.instant();
        var open = candidates.openForUpdate(signal.patternKey());
        if (open.isPresent()) {
            // The place lead decides on today's evidence, even if it has fallen below the rule since.
            candidates.updateCounts(open.get().candidateId(), judgement.people(), judgement.peopleShown(),
                    judgement.organisations(), signal.eventId(), now);
            return;
        }
        if (joinedOpenEscalation(signal.patternKey(), signal.eventId(), judgement.people(), judgement.peopleShown(),
                judgement.organisations(), signal.occurredAt(), now) || !judgement.proposes() || candidates.escalated(signal.patternKey())) {
            return;
        }
        String body = codes.systemActor(signal.systemActor()).responsibleBody();
        candidates.insertOpen(new Candidate(UUID.randomUUID(), Candidate.Source.PATTERN, signal.patternKey(), signal.theme(), signal.systemActor(),
                body, judgement.people(), judgement.peopleShown(), judgement.organisations(), Candidate.Status.OPEN, now, now),
                signal.eventId());
    }

    /**
     * Applies the issue rule to the latest signal of a published issue; runs inside the intake's transaction. The
     * candidate's body is the responsible body of the issue's first system actor, or none if it names no actor.
     */
    public void consider(IssueSignal signal) {
        Instant now = clock.instant();
        var open = candidates.openForUpdate(signal.issueKey());
        if (open.isPresent()) {
            candidates.updateCounts(open.get().candidateId(), signal.peopleAtLeast(), signal.people().shown(),
                    signal.organisationsAtLeast(), signal.eventId(), now);
            return;
        }
        if (joinedOpenEscalation(signal.issueKey(), signal.eventId(), signal.peopleAtLeast(), signal.people().shown(),
                signal.organisationsAtLeast(), signal.occurredAt(), now) || !IssueRule.proposes(signal) || candidates.escalated(signal.issueKey())) {
            return;
        }
        String actor = signal.systemActors().isEmpty() ? null : signal.systemActors().get(0);
        String theme = signal.themes().isEmpty() ? null : signal.themes().get(0);
        String body = actor == null ? null : codes.systemActor(actor).responsibleBody();
        candidates.insertOpen(new Candidate(UUID.randomUUID(), Candidate.Source.ISSUE, signal.issueKey(), theme, actor,
                body, signal.peopleAtLeast(), signal.people().shown(), signal.organisationsAtLeast(), Candidate.Status.OPEN,
                now, now), signal.eventId());
    }

    /** Evidence for a key with an open escalation joins it (whatever the rule says now): true if it did. */
    private boolean joinedOpenEscalation(String key, String eventId, int people, String peopleShown, int organisations,
                                         Instant countedAt, Instant now) {
        var open = escalations.of(key);
        open.ifPresent(id -> commands.sendAndWait(new AddEvidence(id.toString(), eventId, people, peopleShown, organisations,
                countedAt, now)));
        return open.isPresent();
    }
}
