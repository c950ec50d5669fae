package org.bothy.partner.journey;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a journey, each read as a sentence: given what happened, when asked, then what happens. */
class JourneyTest {

    private static final String JOURNEY = "0b7f5c1e-8f1a-4d0e-9c38-4f6f1f0f2a11";
    private static final String PSEUDONYM = "p-3f9a";

    private FixtureConfiguration<Journey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journey.class);
        fixture.registerInjectableResource(Codes.northEdinburgh());
    }

    private static JourneyOpened opened() {
        return new JourneyOpened(JOURNEY, PSEUDONYM, "drop-in");
    }

    @Test
    void aJourneyOpensForAPseudonymAtADoor() {
        fixture.givenNoPriorActivity()
                .when(new OpenJourney(JOURNEY, PSEUDONYM, "drop-in"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void aBarrierIsRecordedWithTheJourneysPseudonymAndItsNote() {
        fixture.given(opened())
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "council-housing", 2, "waited 9 weeks for a repair"))
                .expectEvents(new BarrierRecorded(JOURNEY, PSEUDONYM, "b1", "housing", "council-housing", 2,
                        "waited 9 weeks for a repair"));
    }

    @Test
    void aBarrierKeepsTheDayThePersonMetIt() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 2, 20);
        fixture.given(opened())
                .when(new RecordBarrier(JOURNEY, "b1", "debt", "council-revenues", 1, null, day, null))
                .expectEvents(new BarrierRecorded(JOURNEY, PSEUDONYM, "b1", "debt", "council-revenues", 1, null,
                        day));
    }

    @Test
    void aChangeIsAnsweredWithTheJourneysVersionAfterIt() {
        fixture.given(opened(), new BarrierRecorded(JOURNEY, PSEUDONYM, "b1", "housing", "council-housing", 2, null))
                .when(new RecordBarrier(JOURNEY, "b2", "debt", "council-revenues", 1, null))
                .expectResultMessagePayload(2L);
        fixture.given(opened(), new BarrierRecorded(JOURNEY, PSEUDONYM, "b1", "housing", "council-housing", 2, null))
                .when(new CloseJourney(JOURNEY, "Settled now.", 1L))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUnknownThemeIsRefused() {
        fixture.given(opened())
                .when(new RecordBarrier(JOURNEY, "b1", "weather", "council-housing", 2, null))
                .expectException(UnknownCodeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("weather"))
                .expectNoEvents();
    }

    @Test
    void anUnknownSystemActorIsRefused() {
        fixture.given(opened())
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "landlord-of-the-rings", 2, null))
                .expectException(UnknownCodeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("landlord-of-the-rings"))
                .expectNoEvents();
    }

    @Test
    void aLevelOutsideOneToThreeIsRefused() {
        fixture.given(opened())
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "council-housing", 4, null))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
        fixture.given(opened())
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "council-housing", 0, null))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }

    @Test
    void nothingIsRecordedOnAClosedJourney() {
        fixture.given(opened(), new JourneyClosed(JOURNEY))
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "council-housing", 2, null))
                .expectException(JourneyIsClosed.class)
                .expectNoEvents();
    }

    @Test
    void nothingIsRecordedOnAnUnknownJourney() {
        fixture.givenNoPriorActivity()
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "council-housing", 2, null))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aBarrierIsRecordedOnceEvenIfTheRequestIsRetried() {
        fixture.given(opened(),
                        new BarrierRecorded(JOURNEY, PSEUDONYM, "b1", "housing", "council-housing", 2, null))
                .when(new RecordBarrier(JOURNEY, "b1", "housing", "council-housing", 2, null))
                .expectException(BarrierAlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void anOpenJourneyCloses() {
        fixture.given(opened())
                .when(new CloseJourney(JOURNEY))
                .expectEvents(new JourneyClosed(JOURNEY, PSEUDONYM, null));
    }

    @Test
    void aClosedJourneyDoesNotCloseTwice() {
        fixture.given(opened(), new JourneyClosed(JOURNEY))
                .when(new CloseJourney(JOURNEY))
                .expectException(JourneyIsClosed.class)
                .expectNoEvents();
    }
}
