package org.bothy.escalation.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consumer positions kept in PostgreSQL beside the rows they produced, so both commit or neither does. */
@Repository
public class IntakeOffsets {

    private final JdbcClient jdbc;

    public IntakeOffsets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offset to read for each partition that has one stored. */
    public Map<TopicPartition, Long> positions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            jdbc.sql("select next_offset from evidence_offset where topic = ? and partition = ?")
                    .params(partition.topic(), partition.partition())
                    .query(Long.class).optional()
                    .ifPresent(next -> positions.put(partition, next));
        }
        return positions;
    }

    /** Records that everything before {@code nextOffset} has been applied; call inside the applying transaction. */
    public void store(String topic, int partition, long nextOffset) {
        jdbc.sql("insert into evidence_offset (topic, partition, next_offset) values (?, ?, ?)"
                        + " on conflict (topic, partition) do update set next_offset = excluded.next_offset")
                .params(topic, partition, nextOffset)
                .update();
    }
}
