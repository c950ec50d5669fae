package org.bothy.place.softmeasures;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Keeps one row per soft measure a person scored themselves: the dimension, the score and when. */
@Component
public class SoftMeasureProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public SoftMeasureProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Object[]> rows = firstSeen.stream()
                .filter(SoftMeasureScored.class::isInstance)
                .map(SoftMeasureScored.class::cast)
                .map(score -> new Object[] {score.eventId(), score.organisation(), score.pseudonym(), score.journeyId(),
                        score.dimension(), score.score(), OffsetDateTime.ofInstant(score.occurredAt(), ZoneOffset.UTC)})
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into soft_measure (event_id, organisation, pseudonym, journey_id, dimension, score, scored_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }
}
