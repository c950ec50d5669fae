package org.bothy.partner.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds a journey's events, in order, into the view a worker reads; plain code, no framework. */
public final class JourneyHistory {

    private String journeyId;
    private String pseudonym;
    private String door;
    private Instant openedAt;
    private Instant closedAt;
    private final List<JourneyView.Barrier> barriers = new ArrayList<>();

    /** Applies one stored event and the time it was stored; events this view does not show are ignored. */
    public JourneyHistory apply(Object event, Instant at) {
        if (event instanceof JourneyOpened opened) {
            journeyId = opened.journeyId();
            pseudonym = opened.pseudonym();
            door = opened.door();
            openedAt = at;
        } else if (event instanceof BarrierRecorded recorded) {
            barriers.add(new JourneyView.Barrier(recorded.barrierId(), recorded.theme(), recorded.systemActor(),
                    recorded.level(), recorded.note(), at));
        } else if (event instanceof JourneyClosed) {
            closedAt = at;
        }
        return this;
    }

    /** The journey so far, or empty if it was never opened. */
    public Optional<JourneyView> view() {
        if (journeyId == null) {
            return Optional.empty();
        }
        return Optional.of(new JourneyView(journeyId, pseudonym, door, openedAt,
                closedAt == null ? "OPEN" : "CLOSED", closedAt, List.copyOf(barriers)));
    }
}
