package org.bothy.place.intake;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake's own record of where each partition resumes. Written in the same transaction as the projection rows,
 * so a row and the offset that produced it are committed together or not at all.
 */
@Repository
public class ConsumerOffsets {

    private final JdbcTemplate jdbc;

    public ConsumerOffsets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offset to read for each of {@code partitions} that has one stored. */
    public Map<TopicPartition, Long> load(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        if (partitions.isEmpty()) {
            return stored;
        }
        List<String> topics = partitions.stream().map(TopicPartition::topic).distinct().toList();
        jdbc.query("select topic, kafka_partition, next_offset from consumer_offset where topic = any (?)",
                rs -> {
                    TopicPartition partition = new TopicPartition(rs.getString(1), rs.getInt(2));
                    if (partitions.contains(partition)) {
                        stored.put(partition, rs.getLong(3));
                    }
                },
                (Object) topics.toArray(String[]::new));
        return stored;
    }

    /** Every stored offset, for checks and operations. */
    public Map<TopicPartition, Long> all() {
        Map<TopicPartition, Long> stored = new HashMap<>();
        jdbc.query("select topic, kafka_partition, next_offset from consumer_offset",
                rs -> {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                });
        return stored;
    }

    /**
     * Records {@code next} as where each partition resumes; call inside the projection's transaction. An offset only
     * moves forward, so an instance that lost a partition in a rebalance cannot wind it back; to replay a topic,
     * delete its rows here.
     */
    public void store(Map<TopicPartition, Long> next) {
        List<Object[]> rows = new ArrayList<>(next.size());
        next.forEach((partition, offset) -> rows.add(new Object[] {partition.topic(), partition.partition(), offset}));
        jdbc.batchUpdate("""
                insert into consumer_offset (topic, kafka_partition, next_offset, updated_at)
                values (?, ?, ?, now())
                on conflict (topic, kafka_partition)
                do update set next_offset = greatest(consumer_offset.next_offset, excluded.next_offset),
                              updated_at = excluded.updated_at
                """, rows);
    }
}
