package org.bothy.partner.journey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.kernel.codes.Codes;

/**
 * The relationship between one person and this organisation, opened at a door: it decides what may be
 * recorded on it and remembers only what those decisions need.
 */
@Aggregate
public class Journey {

    @AggregateIdentifier
    private String journeyId;
    private String pseudonym;
    private boolean closed;
    private final Set<String> barriers = new HashSet<>();

    protected Journey() {
        // for Axon, which rebuilds a journey from its events
    }

    @CommandHandler
    public Journey(OpenJourney command) {
        apply(new JourneyOpened(command.journeyId(), command.pseudonym(), command.door()));
    }

    @CommandHandler
    public void handle(RecordBarrier command, Codes codes) {
        if (closed) {
            throw new JourneyIsClosed(journeyId);
        }
        if (barriers.contains(command.barrierId())) {
            throw new BarrierAlreadyRecorded(command.barrierId());
        }
        // each throws UnknownCodeException naming the code and the valid ones
        codes.theme(command.theme());
        codes.systemActor(command.systemActor());
        codes.level(command.level());
        apply(new BarrierRecorded(journeyId, pseudonym, command.barrierId(), command.theme(), command.systemActor(),
                command.level(), command.note()));
    }

    @CommandHandler
    public void handle(CloseJourney command) {
        if (closed) {
            throw new JourneyIsClosed(journeyId);
        }
        apply(new JourneyClosed(journeyId));
    }

    @EventSourcingHandler
    void on(JourneyOpened event) {
        journeyId = event.journeyId();
        pseudonym = event.pseudonym();
    }

    @EventSourcingHandler
    void on(BarrierRecorded event) {
        barriers.add(event.barrierId());
    }

    @EventSourcingHandler
    void on(JourneyClosed event) {
        closed = true;
    }
}
