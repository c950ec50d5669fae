package org.bothy.partner.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractType;
import org.bothy.kernel.contract.Contracts;
import org.bothy.kernel.contract.referral.ReferralEvent;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.kafka.ContractSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Referral events wait here, written in the transaction of the change they tell, until the broker acknowledges them;
 * only then is the row (and with it any sealed details) deleted. A failed send is offered again on the next round,
 * and the receiving side is idempotent on the event id, so a repeat does no harm.
 */
@Component
public class ReferralOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReferralOutbox.class);
    private static final ObjectMapper JSON = ContractJson.mapper();

    private final JdbcTemplate jdbc;
    private final ContractSender sender;
    private final ContractCodec codec;
    private final String source;

    public ReferralOutbox(JdbcTemplate jdbc, ContractSender sender, ContractCodec codec, PartnerOrganisation organisation) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.codec = codec;
        this.source = "/bothy/partner/" + organisation.code();
    }

    /** Keeps {@code event} to be sent; call inside the transaction of the change. Refused if not a valid contract. */
    public void add(ReferralEvent event) {
        // checked against its schema now, so that a row that could never be sent never blocks the ones behind it
        codec.toCloudEvent(source, event);
        try {
            jdbc.update("insert into referral_outbox (event_id, referral_id, ce_type, payload, created_at) values (?, ?, ?, ?, ?)",
                    event.eventId(), event.referralId(), Contracts.current(event.getClass()).ceType(),
                    JSON.writeValueAsString(event), Timestamp.from(event.occurredAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("referral event not writable", e);
        }
    }

    /** Drops what still waits for a referral, e.g. when the person it is about is erased. */
    public void forget(String referralId) {
        jdbc.update("delete from referral_outbox where referral_id = ?", referralId);
    }

    /** Sends what waits, oldest first, each deleted once acknowledged (every {@code bothy.referral.relay-interval-ms}). */
    public void relay() {
        List<Waiting> waiting = jdbc.query(
                "select event_id, ce_type, payload from referral_outbox order by created_at limit 100",
                (row, n) -> new Waiting(row.getString(1), row.getString(2), row.getString(3)));
        for (Waiting each : waiting) {
            try {
                ContractType type = Contracts.forCeType(each.ceType()).orElseThrow();
                ReferralEvent event = (ReferralEvent) type.reader().read(JSON.readTree(each.payload()));
                sender.send(Topics.REFERRALS, source, event).get(15, TimeUnit.SECONDS);
                jdbc.update("delete from referral_outbox where event_id = ?", each.eventId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // the service is stopping while the producer waited for the broker (it sets the interrupt again):
                // nothing failed, and the row is sent after the next start
                log.debug("referral relay stopped while sending {}", each.eventId());
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException | IOException e) {
                // the row stays and is offered again; the reason names the failure, never the payload
                log.warn("referral event {} not sent yet: {}", each.eventId(), e.getClass().getSimpleName());
                return;
            }
        }
    }

    /** How many referral events wait for the broker. */
    public int waiting() {
        Integer count = jdbc.queryForObject("select count(*) from referral_outbox", Integer.class);
        return count == null ? 0 : count;
    }

    private record Waiting(String eventId, String ceType, String payload) {
    }
}
