package org.bothy.place.learning;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps the latest revision of every partner's learning cycle: a snapshot with a higher revision replaces the row, a
 * lower or equal one (arriving late) leaves it.
 */
@Component
public class LearningCycleProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public LearningCycleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        for (ContractEvent event : firstSeen) {
            if (event instanceof LearningCyclePublished cycle) {
                List<String> connected = cycle.connectedCycleIds() == null ? List.of() : cycle.connectedCycleIds();
                jdbc.update("""
                        insert into learning_cycle (organisation, cycle_id, revision, scale, question, patterns,
                                                    learning_for_other_scales, connected_cycle_ids, published_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organisation, cycle_id) do update set
                            revision = excluded.revision, scale = excluded.scale, question = excluded.question,
                            patterns = excluded.patterns, learning_for_other_scales = excluded.learning_for_other_scales,
                            connected_cycle_ids = excluded.connected_cycle_ids, published_at = excluded.published_at
                        where learning_cycle.revision < excluded.revision
                        """, cycle.organisation(), cycle.cycleId(), cycle.revision(), cycle.scale(), cycle.question(),
                        cycle.patterns(), cycle.learningForOtherScales(), connected.toArray(String[]::new),
                        OffsetDateTime.ofInstant(cycle.occurredAt(), ZoneOffset.UTC));
            }
        }
    }
}
