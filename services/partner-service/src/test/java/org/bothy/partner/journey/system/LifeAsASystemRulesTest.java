package org.bothy.partner.journey.system;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.partner.journey.AlreadyRecorded;
import org.bothy.partner.journey.Journey;
import org.bothy.partner.journey.JourneyClosed;
import org.bothy.partner.journey.JourneyIsClosed;
import org.bothy.partner.journey.JourneyOpened;
import org.bothy.partner.journey.NotOnThisJourney;
import org.bothy.partner.journey.RefusedField;
import org.bothy.partner.journey.system.SystemCommands.AddActor;
import org.bothy.partner.journey.system.SystemCommands.AddFactor;
import org.bothy.partner.journey.system.SystemCommands.ChangeActor;
import org.bothy.partner.journey.system.SystemCommands.ChangeFactor;
import org.bothy.partner.journey.system.SystemCommands.ChangeRelationship;
import org.bothy.partner.journey.system.SystemCommands.Relate;
import org.bothy.partner.journey.system.SystemCommands.RemoveActor;
import org.bothy.partner.journey.system.SystemCommands.RemoveFactor;
import org.bothy.partner.journey.system.SystemCommands.RemoveRelationship;
import org.bothy.partner.journey.system.SystemEvents.ActorAdded;
import org.bothy.partner.journey.system.SystemEvents.ActorChanged;
import org.bothy.partner.journey.system.SystemEvents.ActorRemoved;
import org.bothy.partner.journey.system.SystemEvents.FactorAdded;
import org.bothy.partner.journey.system.SystemEvents.FactorChanged;
import org.bothy.partner.journey.system.SystemEvents.FactorRemoved;
import org.bothy.partner.journey.system.SystemEvents.Related;
import org.bothy.partner.journey.system.SystemEvents.RelationshipChanged;
import org.bothy.partner.journey.system.SystemEvents.RelationshipRemoved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of drawing a person's life as a system: actors, factors and the relationships between them. */
class LifeAsASystemRulesTest {

    private static final String J = "j-1";

    private FixtureConfiguration<Journey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journey.class);
        fixture.registerInjectableResource(Codes.northEdinburgh());
    }

    private static Object[] landlordAndDebt() {
        return new Object[] {new JourneyOpened(J, "p", "drop-in"),
                new ActorAdded(J, "a1", "private-landlord", "Mr Gray"),
                new FactorAdded(J, "f1", "debt", "rent arrears")};
    }

    @Test
    void anActorIsAddedWithAKindThatIsInformalOrASystemActor() {
        fixture.given(new JourneyOpened(J, "p", "drop-in"))
                .when(new AddActor(J, "a1", "family", "her sister", null))
                .expectEvents(new ActorAdded(J, "a1", "family", "her sister"));
        fixture.given(new JourneyOpened(J, "p", "drop-in"))
                .when(new AddActor(J, "a1", "council-revenues", "council tax office", null))
                .expectEvents(new ActorAdded(J, "a1", "council-revenues", "council tax office"));
    }

    @Test
    void anActorOfAnUnknownKindIsRefusedNamingTheValidKinds() {
        fixture.given(new JourneyOpened(J, "p", "drop-in"))
                .when(new AddActor(J, "a1", "wizard", "Gandalf", null))
                .expectException(UnknownCodeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("family"),
                        org.hamcrest.Matchers.containsString("gp")))
                .expectNoEvents();
    }

    @Test
    void anActorIsAddedOnceAndChangedOnlyIfPresent() {
        fixture.given(landlordAndDebt())
                .when(new AddActor(J, "a1", "family", "x", null))
                .expectException(AlreadyRecorded.class);
        fixture.given(landlordAndDebt())
                .when(new ChangeActor(J, "a1", "council-housing", "the council", null))
                .expectEvents(new ActorChanged(J, "a1", "council-housing", "the council"));
        fixture.given(landlordAndDebt())
                .when(new ChangeActor(J, "a9", "family", "x", null))
                .expectException(NotOnThisJourney.class);
    }

    @Test
    void aFactorNeedsAKnownTheme() {
        fixture.given(new JourneyOpened(J, "p", "drop-in"))
                .when(new AddFactor(J, "f1", "weather", "rain", null))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }

    @Test
    void aRelationshipJoinsTwoPartsThatAreThere() {
        fixture.given(landlordAndDebt())
                .when(new Relate(J, "r1", "a1", "f1", "is owed", null))
                .expectEvents(new Related(J, "r1", "a1", "f1", "is owed"));
        fixture.given(landlordAndDebt())
                .when(new Relate(J, "r1", "a1", "nowhere", "is owed", null))
                .expectException(RefusedField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("to "))
                .expectNoEvents();
        fixture.given(landlordAndDebt())
                .when(new Relate(J, "r1", "a1", "a1", "is", null))
                .expectException(RefusedField.class)
                .expectNoEvents();
    }

    @Test
    void aRelationshipCanBeChangedAndRemoved() {
        Object[] related = {new JourneyOpened(J, "p", "drop-in"), new ActorAdded(J, "a1", "private-landlord", "x"),
                new FactorAdded(J, "f1", "debt", "y"), new Related(J, "r1", "a1", "f1", "is owed")};
        fixture.given(related)
                .when(new ChangeRelationship(J, "r1", "f1", "a1", "worries about", null))
                .expectEvents(new RelationshipChanged(J, "r1", "f1", "a1", "worries about"));
        fixture.given(related)
                .when(new RemoveRelationship(J, "r1", null))
                .expectEvents(new RelationshipRemoved(J, "r1"));
        fixture.given(related)
                .when(new RemoveRelationship(J, "r2", null))
                .expectException(NotOnThisJourney.class);
    }

    @Test
    void removingAnActorOrFactorRemovesItsRelationshipsFirst() {
        Object[] related = {new JourneyOpened(J, "p", "drop-in"), new ActorAdded(J, "a1", "private-landlord", "x"),
                new FactorAdded(J, "f1", "debt", "y"), new ActorAdded(J, "a2", "family", "z"),
                new Related(J, "r1", "a1", "f1", "is owed"), new Related(J, "r2", "a2", "a1", "speaks to")};
        fixture.given(related)
                .when(new RemoveActor(J, "a1", null))
                .expectEvents(new RelationshipRemoved(J, "r1"), new RelationshipRemoved(J, "r2"),
                        new ActorRemoved(J, "a1"));
        fixture.given(related)
                .when(new RemoveFactor(J, "f1", null))
                .expectEvents(new RelationshipRemoved(J, "r1"), new FactorRemoved(J, "f1"));
    }

    @Test
    void anActorIsChangedOnlyToAKnownKind() {
        fixture.given(landlordAndDebt())
                .when(new ChangeActor(J, "a1", "wizard", "Gandalf", null))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }

    @Test
    void aFactorIsAddedOnceAndNoTwoPartsOfALifeShareAnId() {
        fixture.given(landlordAndDebt())
                .when(new AddFactor(J, "f1", "housing", "damp flat", null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
        fixture.given(landlordAndDebt())
                .when(new AddFactor(J, "a1", "housing", "damp flat", null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
        fixture.given(landlordAndDebt())
                .when(new AddActor(J, "f1", "family", "her brother", null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void aFactorIsChangedOnlyIfPresentAndToAKnownTheme() {
        fixture.given(landlordAndDebt())
                .when(new ChangeFactor(J, "f1", "housing", "arrears on the flat", null))
                .expectEvents(new FactorChanged(J, "f1", "housing", "arrears on the flat"));
        fixture.given(landlordAndDebt())
                .when(new ChangeFactor(J, "f9", "housing", "x", null))
                .expectException(NotOnThisJourney.class)
                .expectNoEvents();
        fixture.given(landlordAndDebt())
                .when(new ChangeFactor(J, "f1", "weather", "x", null))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAnActorOrFactorThatIsThereIsRemoved() {
        fixture.given(landlordAndDebt())
                .when(new RemoveActor(J, "a9", null))
                .expectException(NotOnThisJourney.class)
                .expectNoEvents();
        fixture.given(landlordAndDebt())
                .when(new RemoveFactor(J, "f9", null))
                .expectException(NotOnThisJourney.class)
                .expectNoEvents();
    }

    @Test
    void aRelationshipStartsAtAPartThatIsThereAndIsRecordedOnce() {
        fixture.given(landlordAndDebt())
                .when(new Relate(J, "r1", "nowhere", "f1", "is owed", null))
                .expectException(RefusedField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("from "))
                .expectNoEvents();
        fixture.given(new JourneyOpened(J, "p", "drop-in"), new ActorAdded(J, "a1", "private-landlord", "Mr Gray"),
                        new FactorAdded(J, "f1", "debt", "rent arrears"), new Related(J, "r1", "a1", "f1", "is owed"))
                .when(new Relate(J, "r1", "f1", "a1", "worries about", null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void aChangedRelationshipStillJoinsTwoPartsThatAreThere() {
        Object[] related = {new JourneyOpened(J, "p", "drop-in"), new ActorAdded(J, "a1", "private-landlord", "x"),
                new FactorAdded(J, "f1", "debt", "y"), new Related(J, "r1", "a1", "f1", "is owed")};
        fixture.given(related)
                .when(new ChangeRelationship(J, "r1", "a1", "nowhere", "is owed", null))
                .expectException(RefusedField.class)
                .expectNoEvents();
        fixture.given(related)
                .when(new ChangeRelationship(J, "r1", "a1", "a1", "is owed", null))
                .expectException(RefusedField.class)
                .expectNoEvents();
        fixture.given(related)
                .when(new ChangeRelationship(J, "r9", "a1", "f1", "is owed", null))
                .expectException(NotOnThisJourney.class)
                .expectNoEvents();
    }

    @Test
    void aClosedJourneysLifeAsASystemIsNoLongerRedrawn() {
        Object[] closed = {new JourneyOpened(J, "p", "drop-in"), new ActorAdded(J, "a1", "private-landlord", "x"),
                new FactorAdded(J, "f1", "debt", "y"), new Related(J, "r1", "a1", "f1", "is owed"),
                new JourneyClosed(J, "p", null)};
        for (Object command : new Object[] {new AddActor(J, "a2", "family", "x", null),
                new ChangeActor(J, "a1", "family", "x", null), new RemoveActor(J, "a1", null),
                new AddFactor(J, "f2", "housing", "x", null), new ChangeFactor(J, "f1", "housing", "x", null),
                new RemoveFactor(J, "f1", null), new Relate(J, "r2", "f1", "a1", "x", null),
                new ChangeRelationship(J, "r1", "f1", "a1", "x", null), new RemoveRelationship(J, "r1", null)}) {
            fixture.given(closed)
                    .when(command)
                    .expectException(JourneyIsClosed.class)
                    .expectNoEvents();
        }
    }
}
