package org.bothy.partner.journey.caseload;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bothy.partner.journey.Journey;
import org.bothy.partner.journey.JourneyClosed;
import org.bothy.partner.journey.JourneyOpened;
import org.bothy.partner.journey.WorkerOnRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps, for each worker, the journeys they opened or recorded something on. It runs in the same transaction as the
 * command (a subscribing processor), so a worker's caseload shows their change as soon as it is answered.
 */
@Component
@ProcessingGroup(CaseloadProjection.PROCESSOR)
public class CaseloadProjection {

    /** The processing group, configured as subscribing in application.yml. */
    public static final String PROCESSOR = "caseload";

    private final JdbcTemplate jdbc;

    public CaseloadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JourneyOpened opened, DomainEventMessage<?> message) {
        jdbc.update("insert into journey_caseload_journey (journey_id, door, opened_at, closed_at) "
                + "values (?, ?, ?, null) on conflict (journey_id) do nothing",
                opened.journeyId(), opened.door(), Timestamp.from(message.getTimestamp()));
        workedOn(message, true);
    }

    @EventHandler
    void on(JourneyClosed closed, DomainEventMessage<?> message) {
        jdbc.update("update journey_caseload_journey set closed_at = ? where journey_id = ?",
                Timestamp.from(message.getTimestamp()), message.getAggregateIdentifier());
        workedOn(message, false);
    }

    @EventHandler
    void on(Object fact, DomainEventMessage<?> message) {
        if (Journey.class.getSimpleName().equals(message.getType())) {
            workedOn(message, false);
        }
    }

    private void workedOn(DomainEventMessage<?> message, boolean opened) {
        Object worker = message.getMetaData().get(WorkerOnRecord.METADATA_KEY);
        if (worker == null) {
            return;
        }
        Instant at = message.getTimestamp();
        jdbc.update("insert into journey_caseload_worker (worker, journey_id, opened, last_worked_at) "
                + "values (?, ?, ?, ?) on conflict (worker, journey_id) do update set "
                + "opened = journey_caseload_worker.opened or excluded.opened, "
                + "last_worked_at = greatest(journey_caseload_worker.last_worked_at, excluded.last_worked_at)",
                worker.toString(), message.getAggregateIdentifier(), opened, Timestamp.from(at));
    }
}
