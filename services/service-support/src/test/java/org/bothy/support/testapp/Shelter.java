package org.bothy.support.testapp;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An event-sourced aggregate, just enough to store and read back events. */
@Aggregate
public class Shelter {

    @AggregateIdentifier
    private String shelterId;
    private int nights;

    protected Shelter() {
    }

    @CommandHandler
    public Shelter(ShelterApi.OpenShelter command) {
        apply(new ShelterApi.ShelterOpened(command.shelterId(), command.name(), command.openedOn()));
    }

    @CommandHandler
    public int handle(ShelterApi.RecordStay command) {
        if (command.nights() <= 0) {
            throw new IllegalArgumentException("a stay is at least one night");
        }
        apply(new ShelterApi.StayRecorded(command.shelterId(), command.nights()));
        return nights;
    }

    @EventSourcingHandler
    void on(ShelterApi.ShelterOpened event) {
        this.shelterId = event.shelterId();
    }

    @EventSourcingHandler
    void on(ShelterApi.StayRecorded event) {
        this.nights += event.nights();
    }
}
