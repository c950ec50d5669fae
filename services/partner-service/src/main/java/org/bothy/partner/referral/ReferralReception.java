package org.bothy.partner.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.partner.PartnerOrganisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one record of {@code bothy.referrals}: only records keyed to this organisation are read; each event is
 * applied once (by its id), and the partition's next offset is stored in the same transaction as the rows it changed.
 * A record that is not a valid contract is logged with the reason, never its bytes, and skipped.
 */
@Component
public class ReferralReception {

    private static final Logger log = LoggerFactory.getLogger(ReferralReception.class);

    private final JdbcTemplate jdbc;
    private final ContractCodec codec;
    private final ReferralLedger ledger;
    private final TransactionTemplate transaction;
    private final String organisation;

    public ReferralReception(JdbcTemplate jdbc, ContractCodec codec, ReferralLedger ledger,
                             PlatformTransactionManager transactions, PartnerOrganisation organisation) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.organisation = organisation.code();
    }

    /** Applies the record, if it is for this organisation, and stores where to resume. */
    public void take(ConsumerRecord<String, byte[]> record) {
        transaction.executeWithoutResult(status -> {
            if (organisation.equals(record.key())) {
                apply(record);
            }
            jdbc.update("""
                    insert into referral_offset (topic, partition, next_offset) values (?, ?, ?)
                    on conflict (topic, partition) do update set next_offset = greatest(referral_offset.next_offset,
                                                                                        excluded.next_offset)""",
                    record.topic(), record.partition(), record.offset() + 1);
        });
    }

    /** The next offset to read in {@code partition}, or null if none was stored. */
    public Long storedOffset(TopicPartition partition) {
        List<Long> next = jdbc.queryForList("select next_offset from referral_offset where topic = ? and partition = ?",
                Long.class, partition.topic(), partition.partition());
        return next.isEmpty() ? null : next.get(0);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        ContractEvent event;
        try {
            event = codec.fromRecord(record);
        } catch (ContractViolation violation) {
            log.warn("referral record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    violation.getMessage());
            return;
        }
        int first = jdbc.update("insert into referral_event_applied (event_id, applied_at) values (?, ?) on conflict do nothing",
                event.eventId(), Timestamp.from(Instant.now()));
        if (first == 0) {
            return;
        }
        if (event instanceof ReferralMade made && organisation.equals(made.toOrganisation())) {
            ledger.received(made, envelope(made));
        } else if (event instanceof ReferralAccepted accepted && organisation.equals(accepted.fromOrganisation())) {
            ledger.answered(accepted.referralId(), ReferralLedger.ACCEPTED, null, accepted.occurredAt());
        } else if (event instanceof ReferralDeclined declined && organisation.equals(declined.fromOrganisation())) {
            ledger.answered(declined.referralId(), ReferralLedger.DECLINED, declined.reason(), declined.occurredAt());
        } else {
            log.warn("referral record {}-{}@{} skipped: a {} keyed to this organisation is not addressed to it",
                    record.topic(), record.partition(), record.offset(), event.getClass().getSimpleName());
        }
    }

    private static String envelope(ReferralMade made) {
        try {
            return ContractJson.mapper().writeValueAsString(made.sealedDetails());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed details not writable", e);
        }
    }
}
