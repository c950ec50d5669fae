package org.bothy.place.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        int size = deliveries.size();
        String[] ids = new String[size];
        String[] topics = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        for (int i = 0; i < size; i++) {
            Delivery delivery = deliveries.get(i);
            ids[i] = delivery.event().eventId();
            topics[i] = delivery.topic();
            partitions[i] = delivery.partition();
            offsets[i] = delivery.offset();
        }
        // One statement for the whole poll: the ids it returns are exactly those no earlier batch (nor an earlier row
        // of this one) had claimed, whatever the driver does with batches.
        Set<String> claimed = new HashSet<>(jdbc.queryForList("""
                insert into applied_event (event_id, topic, kafka_partition, kafka_offset)
                select * from unnest(?::varchar[], ?::varchar[], ?::integer[], ?::bigint[])
                on conflict (event_id) do nothing
                returning event_id
                """, String.class, ids, topics, partitions, offsets));
        List<Delivery> firstSeen = new ArrayList<>(claimed.size());
        for (Delivery delivery : deliveries) {
            // remove: a second delivery of the same id in this poll is a repeat, not a first sighting.
            if (claimed.remove(delivery.event().eventId())) {
                firstSeen.add(delivery);
            }
        }
        return firstSeen;
    }
}
