package org.bothy.place.learning;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Keeps each concluded experiment's learning summary (written for sharing) for the learning library. */
@Component
public class ExperimentLearningProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public ExperimentLearningProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Object[]> rows = firstSeen.stream()
                .filter(ExperimentConcluded.class::isInstance)
                .map(ExperimentConcluded.class::cast)
                .map(experiment -> new Object[] {experiment.eventId(), experiment.organisation(), experiment.pseudonym(),
                        experiment.journeyId(), experiment.experimentId(), experiment.theme(), experiment.learningSummary(),
                        OffsetDateTime.ofInstant(experiment.occurredAt(), ZoneOffset.UTC)})
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into experiment_learning
                    (event_id, organisation, pseudonym, journey_id, experiment_id, theme, learning_summary, concluded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }
}
