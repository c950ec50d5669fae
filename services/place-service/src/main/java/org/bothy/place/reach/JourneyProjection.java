package org.bothy.place.reach;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.JourneyClosed;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps one row per journey opened at any partner's door, and one per journey closed, by pseudonym: the basis of
 * reach and of seeing who comes round the revolving door.
 */
@Component
public class JourneyProjection implements LearningProjection {

    /** One row per journey opened. */
    public static final EventRows<JourneyOpened> OPENED = new EventRows<>("journey", JourneyOpened.class,
            List.of("event_id", "pseudonym", "organisation", "journey_id", "door", "opened_at"),
            "opened_at",
            journey -> new Object[] {journey.eventId(), journey.pseudonym(), journey.organisation(), journey.journeyId(),
                    journey.door(), EventRows.utc(journey.occurredAt())});

    /** One row per journey closed. */
    public static final EventRows<JourneyClosed> CLOSED = new EventRows<>("journey_closed", JourneyClosed.class,
            List.of("event_id", "organisation", "pseudonym", "journey_id", "closed_at"),
            "closed_at",
            journey -> new Object[] {journey.eventId(), journey.organisation(), journey.pseudonym(), journey.journeyId(),
                    EventRows.utc(journey.occurredAt())});

    private final JdbcTemplate jdbc;

    public JourneyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        for (EventRows<?> rows : List.of(OPENED, CLOSED)) {
            List<Object[]> kept = rows.rowsOf(firstSeen);
            if (!kept.isEmpty()) {
                jdbc.batchUpdate(rows.insert(), kept);
            }
        }
    }
}
