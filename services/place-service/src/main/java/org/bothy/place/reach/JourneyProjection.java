package org.bothy.place.reach;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.JourneyClosed;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps one row per journey opened at any partner's door, and one per journey closed, by pseudonym: the basis of
 * reach and of seeing who comes round the revolving door.
 */
@Component
public class JourneyProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public JourneyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Object[]> opened = firstSeen.stream()
                .filter(JourneyOpened.class::isInstance)
                .map(JourneyOpened.class::cast)
                .map(journey -> new Object[] {
                        journey.eventId(), journey.pseudonym(), journey.organisation(), journey.journeyId(), journey.door(),
                        OffsetDateTime.ofInstant(journey.occurredAt(), ZoneOffset.UTC)})
                .toList();
        if (!opened.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into journey (event_id, pseudonym, organisation, journey_id, door, opened_at)
                    values (?, ?, ?, ?, ?, ?)
                    """, opened);
        }
        List<Object[]> closed = firstSeen.stream()
                .filter(JourneyClosed.class::isInstance)
                .map(JourneyClosed.class::cast)
                .map(journey -> new Object[] {
                        journey.eventId(), journey.organisation(), journey.pseudonym(), journey.journeyId(),
                        OffsetDateTime.ofInstant(journey.occurredAt(), ZoneOffset.UTC)})
                .toList();
        if (!closed.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into journey_closed (event_id, organisation, pseudonym, journey_id, closed_at)
                    values (?, ?, ?, ?, ?)
                    """, closed);
        }
    }
}
