package org.bothy.support.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The test aggregate's messages. */
final class ShelterApi {

    private ShelterApi() {
    }

    record OpenShelter(@TargetAggregateIdentifier String shelterId, String name, LocalDate openedOn) {
    }

    record RecordStay(@TargetAggregateIdentifier String shelterId, int nights) {
    }

    record ShelterOpened(String shelterId, String name, LocalDate openedOn) {
    }

    record StayRecorded(String shelterId, int nights) {
    }
}
