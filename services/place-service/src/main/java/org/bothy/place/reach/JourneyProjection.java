package org.bothy.place.reach;

import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps one row per journey opened at any partner's door, by pseudonym: the basis of reach and of seeing who comes
 * round the revolving door.
 */
@Component
public class JourneyProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public JourneyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<LearningEvent> firstSeen) {
        List<Object[]> rows = firstSeen.stream()
                .filter(JourneyOpened.class::isInstance)
                .map(JourneyOpened.class::cast)
                .map(opened -> new Object[] {
                        opened.eventId(), opened.pseudonym(), opened.organisation(), opened.journeyId(), opened.door(),
                        OffsetDateTime.ofInstant(opened.occurredAt(), ZoneOffset.UTC)})
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into journey (event_id, pseudonym, organisation, journey_id, door, opened_at)
                values (?, ?, ?, ?, ?, ?)
                """, rows);
    }
}
