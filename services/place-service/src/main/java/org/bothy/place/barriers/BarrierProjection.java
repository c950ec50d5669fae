package org.bothy.place.barriers;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps one row per barrier observed at any partner: the pseudonym, never the person, with its codes, when it was
 * recorded and the day it was met (v1 records are read by the kernel as met on the day recorded, so both versions
 * land here alike). Keeps the distinct-people tallies of {@link BarrierTally} (all time) and
 * {@link BarrierMonthTally} (by month) with them.
 */
@Component
public class BarrierProjection implements LearningProjection {

    /** One row per barrier observed. */
    public static final EventRows<BarrierObserved> ROWS = new EventRows<>("barrier_observation", BarrierObserved.class,
            List.of("event_id", "pseudonym", "organisation", "journey_id", "barrier_id", "theme", "system_actor", "level",
                    "observed_at", "observed_on"),
            "observed_at",
            barrier -> new Object[] {barrier.eventId(), barrier.pseudonym(), barrier.organisation(), barrier.journeyId(),
                    barrier.barrierId(), barrier.theme(), barrier.systemActor(), barrier.level(),
                    EventRows.utc(barrier.occurredAt()), barrier.observedOn()});

    private final JdbcTemplate jdbc;
    private final BarrierTally tally;
    private final BarrierMonthTally months;

    public BarrierProjection(JdbcTemplate jdbc, BarrierTally tally, BarrierMonthTally months) {
        this.jdbc = jdbc;
        this.tally = tally;
        this.months = months;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<BarrierObserved> barriers = firstSeen.stream()
                .filter(BarrierObserved.class::isInstance)
                .map(BarrierObserved.class::cast)
                .toList();
        if (barriers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(ROWS.insert(), ROWS.rowsOf(barriers));
        tally.observed(barriers);
        months.observed(barriers);
    }
}
