package org.bothy.place.learning;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps each concluded experiment's learning summary (written for sharing) for the learning library. */
@Component
public class ExperimentLearningProjection implements LearningProjection {

    /** One row per experiment concluded; its full-text column is generated. */
    public static final EventRows<ExperimentConcluded> ROWS = new EventRows<>("experiment_learning", ExperimentConcluded.class,
            List.of("event_id", "organisation", "pseudonym", "journey_id", "experiment_id", "theme", "learning_summary",
                    "concluded_at"),
            "concluded_at",
            experiment -> new Object[] {experiment.eventId(), experiment.organisation(), experiment.pseudonym(),
                    experiment.journeyId(), experiment.experimentId(), experiment.theme(), experiment.learningSummary(),
                    EventRows.utc(experiment.occurredAt())});

    private final JdbcTemplate jdbc;

    public ExperimentLearningProjection(JdbcTemplate jdbc) {
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
