package org.bothy.place.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Idempotency of the projections: an event id is claimed once, and only a first claim is projected. Delivery is at
 * least once, so this is what makes the effect exactly once.
 */
@Repository
public class AppliedEvents {

    private final JdbcTemplate jdbc;

    public AppliedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims every delivery's event id and returns those claimed for the first time, in order. A repeat, whether from
     * an earlier batch or earlier in this one, is left out. Call inside the projection's transaction.
     */
    public List<Delivery> claimFirstSeen(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            rows.add(new Object[] {delivery.event().eventId(), delivery.topic(), delivery.partition(), delivery.offset()});
        }
        int[] inserted = jdbc.batchUpdate("""
                insert into applied_event (event_id, topic, kafka_partition, kafka_offset)
                values (?, ?, ?, ?)
                on conflict (event_id) do nothing
                """, rows);
        List<Delivery> firstSeen = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == Statement.SUCCESS_NO_INFO) {
                // Only a driver that rewrites batches (reWriteBatchedInserts) hides the per-row count we rely on.
                throw new IllegalStateException("the JDBC driver did not report which event ids were new; "
                        + "do not set reWriteBatchedInserts on the place datasource");
            }
            if (inserted[i] > 0) {
                firstSeen.add(deliveries.get(i));
            }
        }
        return firstSeen;
    }
}
