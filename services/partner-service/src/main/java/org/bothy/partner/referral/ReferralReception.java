package org.bothy.partner.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.partner.PartnerOrganisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one record of {@code bothy.referrals}: only records keyed to this organisation are read; each becomes a
 * command to the referral it is about, and the partition's next offset is stored in the same transaction as what the
 * command changed. The aggregates make a record read twice change nothing. A record that is not a valid contract, or
 * that a referral refuses (an answer from a partner it did not go to, a contrary answer, an unknown referral), goes
 * to the dead-letter topic with the reason, and only then is its offset stored.
 */
@Component
public class ReferralReception {

    private final JdbcTemplate jdbc;
    private final ContractCodec codec;
    private final CommandGateway commands;
    private final ReferralLedger ledger;
    private final ReferralDeadLetters deadLetters;
    private final ReceivedDetailsKeys detailsKeys;
    private final SealedForPerson reasons;
    private final TransactionTemplate transaction;
    private final String organisation;

    public ReferralReception(JdbcTemplate jdbc, ContractCodec codec, CommandGateway commands, ReferralLedger ledger,
                             ReferralDeadLetters deadLetters, ReceivedDetailsKeys detailsKeys,
                             SealedForPerson reasons, PlatformTransactionManager transactions,
                             PartnerOrganisation organisation) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.commands = commands;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.detailsKeys = detailsKeys;
        this.reasons = reasons;
        this.transaction = new TransactionTemplate(transactions);
        this.organisation = organisation.code();
    }

    /** Applies the record, if it is for this organisation, and stores where to resume. */
    public void take(ConsumerRecord<String, byte[]> record) {
        String refusal;
        try {
            refusal = transaction.execute(status -> {
                String refused = organisation.equals(record.key()) ? apply(record) : null;
                if (refused == null) {
                    storeOffset(record);
                }
                return refused;
            });
        } catch (ReferralRefused refused) {
            // the refusal rolled back its own transaction; the record is set aside in a new one
            refusal = refused.getMessage();
        } catch (AggregateNotFoundException unknown) {
            refusal = "no referral " + unknown.getAggregateIdentifier() + " was made by this organisation";
        }
        if (refusal != null) {
            deadLetters.send(record, refusal);
            transaction.executeWithoutResult(status -> storeOffset(record));
        }
    }

    /** The next offset to read in {@code partition}, or null if none was stored. */
    public Long storedOffset(TopicPartition partition) {
        List<Long> next = jdbc.queryForList("select next_offset from referral_offset where topic = ? and partition = ?",
                Long.class, partition.topic(), partition.partition());
        return next.isEmpty() ? null : next.get(0);
    }

    private void storeOffset(ConsumerRecord<String, byte[]> record) {
        jdbc.update("""
                insert into referral_offset (topic, partition, next_offset) values (?, ?, ?)
                on conflict (topic, partition) do update set next_offset = greatest(referral_offset.next_offset,
                                                                                    excluded.next_offset)""",
                record.topic(), record.partition(), record.offset() + 1);
    }

    /** Applies the record; the reason it cannot be, or null once it is applied. */
    private String apply(ConsumerRecord<String, byte[]> record) {
        ContractEvent event;
        try {
            event = codec.fromRecord(record);
        } catch (ContractViolation violation) {
            return violation.getMessage();
        }
        if (event instanceof ReferralMade made && organisation.equals(made.toOrganisation())) {
            return receive(made);
        } else if (event instanceof ReferralAccepted accepted && organisation.equals(accepted.fromOrganisation())) {
            commands.sendAndWait(new NoteReferralAccepted(accepted.referralId(), accepted.toOrganisation(),
                    accepted.occurredAt()));
        } else if (event instanceof ReferralDeclined declined && organisation.equals(declined.fromOrganisation())) {
            // sealed under the person's key like every text about them here; nothing is kept if they are erased
            String sealedReason = ledger.personOfSent(declined.referralId())
                    .flatMap(personId -> reasons.seal(personId, declined.reason())).orElse(null);
            commands.sendAndWait(new NoteReferralDeclined(declined.referralId(), declined.toOrganisation(),
                    sealedReason, declined.occurredAt()));
        } else {
            return "a " + event.getClass().getSimpleName() + " keyed to " + organisation + " is not addressed to it";
        }
        return null;
    }

    private String receive(ReferralMade made) {
        if (ledger.findReceived(made.referralId()).isPresent()) {
            // read before: the aggregate would change nothing, and no key must be made for details already answered
            return null;
        }
        if (ledger.personOfSent(made.referralId()).isPresent()) {
            // both aggregates take the referral's id: one made here cannot also be received here
            return "referral " + made.referralId() + " is one this organisation made";
        }
        commands.sendAndWait(new ReceiveReferral(made.referralId(), made.fromOrganisation(), made.toOrganisation(),
                made.pseudonym(), detailsKeys.seal(made.referralId(), made.reason()), made.themes(),
                detailsKeys.seal(made.referralId(), envelope(made)), made.occurredAt()));
        return null;
    }

    private static String envelope(ReferralMade made) {
        try {
            return ContractJson.mapper().writeValueAsString(made.sealedDetails());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed details not writable", e);
        }
    }
}
