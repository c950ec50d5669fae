package org.bothy.place.softmeasures;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps one row per soft measure a person scored themselves: the dimension, the score and when. */
@Component
public class SoftMeasureProjection implements LearningProjection {

    /** One row per score. */
    public static final EventRows<SoftMeasureScored> ROWS = new EventRows<>("soft_measure", SoftMeasureScored.class,
            List.of("event_id", "organisation", "pseudonym", "journey_id", "dimension", "score", "scored_at"),
            "scored_at",
            score -> new Object[] {score.eventId(), score.organisation(), score.pseudonym(), score.journeyId(),
                    score.dimension(), score.score(), EventRows.utc(score.occurredAt())});

    private final JdbcTemplate jdbc;

    public SoftMeasureProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Object[]> rows = ROWS.rowsOf(firstSeen);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(ROWS.insert(), rows);
        }
    }
}
