package org.bothy.partner.journey;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.partner.journey.contact.ContactRecorded;
import org.bothy.partner.journey.contact.RecordContact;
import org.bothy.partner.journey.conversation.ConversationRecorded;
import org.bothy.partner.journey.conversation.RecordConversation;
import org.bothy.partner.journey.experiment.ExperimentAlreadyConcluded;
import org.bothy.partner.journey.experiment.ExperimentCommands.ConcludeExperiment;
import org.bothy.partner.journey.experiment.ExperimentCommands.StartExperiment;
import org.bothy.partner.journey.experiment.ExperimentConcluded;
import org.bothy.partner.journey.experiment.ExperimentStarted;
import org.bothy.partner.journey.matters.RecordWhatMatters;
import org.bothy.partner.journey.matters.WhatMattersRecorded;
import org.bothy.partner.journey.measure.ScoreSoftMeasure;
import org.bothy.partner.journey.measure.SoftMeasureScored;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a journey's slices beyond barriers: what matters, conversations, experiments, contacts, scores. */
class JourneySlicesTest {

    private static final String JOURNEY = "0b7f5c1e-8f1a-4d0e-9c38-4f6f1f0f2a11";
    private static final String PSEUDONYM = "p-3f9a";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private FixtureConfiguration<Journey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journey.class);
        fixture.registerInjectableResource(Codes.northEdinburgh());
    }

    private static JourneyOpened opened() {
        return new JourneyOpened(JOURNEY, PSEUDONYM, "drop-in");
    }

    private static ExperimentStarted started() {
        return new ExperimentStarted(JOURNEY, "e1", "debt", "Will a joint call stop the deductions?",
                "Call council revenues together", "Whether deductions stop", "Nothing changes if it fails",
                "Foodbank referral meanwhile");
    }

    @Test
    void whatMattersIsRecordedInTheirWordsAndCanBeRewritten() {
        fixture.given(opened(), new WhatMattersRecorded(JOURNEY, "keeping my flat"))
                .when(new RecordWhatMatters(JOURNEY, "keeping my flat and seeing my kids", null))
                .expectEvents(new WhatMattersRecorded(JOURNEY, "keeping my flat and seeing my kids"));
    }

    @Test
    void aConversationIsKeptWithItsDayAndNote() {
        fixture.given(opened())
                .when(new RecordConversation(JOURNEY, "c1", DAY, "talked about the letter from the council", null))
                .expectEvents(new ConversationRecorded(JOURNEY, "c1", DAY, "talked about the letter from the council"));
    }

    @Test
    void aConversationIsRecordedOnce() {
        fixture.given(opened(), new ConversationRecorded(JOURNEY, "c1", DAY, "first"))
                .when(new RecordConversation(JOURNEY, "c1", DAY, "again", null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void anExperimentStartsWithItsQuestionAndSafeToFail() {
        fixture.given(opened())
                .when(new StartExperiment(JOURNEY, "e1", "debt", "Will a joint call stop the deductions?",
                        "Call council revenues together", "Whether deductions stop", "Nothing changes if it fails",
                        "Foodbank referral meanwhile", null))
                .expectEvents(started());
    }

    @Test
    void anExperimentAboutAnUnknownThemeIsRefused() {
        fixture.given(opened())
                .when(new StartExperiment(JOURNEY, "e1", "weather", "q", "a", "d", "s", null, null))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }

    @Test
    void aConcludedExperimentCarriesItsThemeAndTheSummaryWrittenForSharing() {
        fixture.given(opened(), started())
                .when(new ConcludeExperiment(JOURNEY, "e1", "deductions stopped", "she needed a witness",
                        "A joint call with the person stopped wrongful deductions", null))
                .expectEvents(new ExperimentConcluded(JOURNEY, PSEUDONYM, "e1", "debt", "deductions stopped",
                        "she needed a witness", "A joint call with the person stopped wrongful deductions"));
    }

    @Test
    void anExperimentConcludesOnce() {
        fixture.given(opened(), started(), new ExperimentConcluded(JOURNEY, PSEUDONYM, "e1", "debt", "o", "l", "s"))
                .when(new ConcludeExperiment(JOURNEY, "e1", "o2", "l2", "s2", null))
                .expectException(ExperimentAlreadyConcluded.class)
                .expectNoEvents();
    }

    @Test
    void anExperimentNeverStartedCannotConclude() {
        fixture.given(opened())
                .when(new ConcludeExperiment(JOURNEY, "e9", "o", "l", "s", null))
                .expectException(NotOnThisJourney.class)
                .expectNoEvents();
    }

    @Test
    void aContactIsRecordedWithItsMinutesAndSpend() {
        fixture.given(opened())
                .when(new RecordContact(JOURNEY, "k1", "visit", DAY, 45, 1250, "bus fare and lunch", null))
                .expectEvents(new ContactRecorded(JOURNEY, PSEUDONYM, "k1", "visit", DAY, 45, 1250,
                        "bus fare and lunch"));
    }

    @Test
    void aContactOfAnUnknownKindIsRefusedNamingTheValidKinds() {
        fixture.given(opened())
                .when(new RecordContact(JOURNEY, "k1", "carrier-pigeon", DAY, 5, 0, null, null))
                .expectException(UnknownCodeException.class)
                .expectExceptionMessage(containsString("visit"))
                .expectNoEvents();
    }

    @Test
    void negativeMinutesOrSpendAreRefused() {
        fixture.given(opened())
                .when(new RecordContact(JOURNEY, "k1", "call", DAY, -1, 0, null, null))
                .expectException(RefusedField.class)
                .expectExceptionMessage(containsString("minutes"))
                .expectNoEvents();
        fixture.given(opened())
                .when(new RecordContact(JOURNEY, "k1", "call", DAY, 10, -5, null, null))
                .expectException(RefusedField.class)
                .expectExceptionMessage(containsString("spendPence"))
                .expectNoEvents();
    }

    @Test
    void aSoftMeasureIsScoredFromOneToTen() {
        fixture.given(opened())
                .when(new ScoreSoftMeasure(JOURNEY, "m1", "confidence", 7, DAY, null))
                .expectEvents(new SoftMeasureScored(JOURNEY, PSEUDONYM, "m1", "confidence", 7, DAY));
        fixture.given(opened())
                .when(new ScoreSoftMeasure(JOURNEY, "m1", "confidence", 11, DAY, null))
                .expectException(RefusedField.class)
                .expectNoEvents();
        fixture.given(opened())
                .when(new ScoreSoftMeasure(JOURNEY, "m1", "confidence", 0, DAY, null))
                .expectException(RefusedField.class)
                .expectNoEvents();
    }

    @Test
    void aSoftMeasureOnAnUnknownDimensionIsRefused() {
        fixture.given(opened())
                .when(new ScoreSoftMeasure(JOURNEY, "m1", "luck", 5, DAY, null))
                .expectException(UnknownCodeException.class)
                .expectExceptionMessage(containsString("confidence"))
                .expectNoEvents();
    }

    @Test
    void aClosureKeepsThePersonsOwnWords() {
        fixture.given(opened())
                .when(new CloseJourney(JOURNEY, "I feel I can cope now", null))
                .expectEvents(new JourneyClosed(JOURNEY, PSEUDONYM, "I feel I can cope now"));
    }

    @Test
    void nothingOfAnySliceIsRecordedOnAClosedJourney() {
        fixture.given(opened(), new JourneyClosed(JOURNEY))
                .when(new RecordContact(JOURNEY, "k1", "call", DAY, 10, 0, null, null))
                .expectException(JourneyIsClosed.class)
                .expectNoEvents();
        fixture.given(opened(), new JourneyClosed(JOURNEY))
                .when(new RecordWhatMatters(JOURNEY, "x", null))
                .expectException(JourneyIsClosed.class)
                .expectNoEvents();
    }

    @Test
    void aChangeFromTheCurrentVersionIsAccepted() {
        // versions count from 0: opened is 0, the conversation is 1
        fixture.given(opened(), new ConversationRecorded(JOURNEY, "c1", DAY, "first"))
                .when(new RecordWhatMatters(JOURNEY, "my flat", 1L))
                .expectEvents(new WhatMattersRecorded(JOURNEY, "my flat"));
    }

    @Test
    void aChangeFromAStaleVersionIsRefused() {
        fixture.given(opened(), new ConversationRecorded(JOURNEY, "c1", DAY, "first"))
                .when(new RecordWhatMatters(JOURNEY, "my flat", 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aChangeFromAVersionTheJourneyNeverReachedIsRefused() {
        fixture.given(opened(), new ConversationRecorded(JOURNEY, "c1", DAY, "first"))
                .when(new RecordWhatMatters(JOURNEY, "my flat", 7L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void anExperimentContactOrScoreIsRecordedOnceEvenIfTheRequestIsRetried() {
        fixture.given(opened(), started())
                .when(new StartExperiment(JOURNEY, "e1", null, "Another question?", "a", "d", "s", null, null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
        fixture.given(opened(), new ContactRecorded(JOURNEY, PSEUDONYM, "k1", "visit", DAY, 45, 0, null))
                .when(new RecordContact(JOURNEY, "k1", "call", DAY, 10, 0, null, null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
        fixture.given(opened(), new SoftMeasureScored(JOURNEY, PSEUDONYM, "m1", "hope", 4, DAY))
                .when(new ScoreSoftMeasure(JOURNEY, "m1", "hope", 6, DAY, null))
                .expectException(AlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void anExperimentMayBeAboutNoThemeInParticular() {
        fixture.given(opened())
                .when(new StartExperiment(JOURNEY, "e2", null, "What if we meet at the library?", "Meet there",
                        "Whether she comes", "We meet at the office next time", null, null))
                .expectEvents(new ExperimentStarted(JOURNEY, "e2", null, "What if we meet at the library?",
                        "Meet there", "Whether she comes", "We meet at the office next time", null));
    }

    @Test
    void noConversationExperimentOrScoreIsRecordedOnAClosedJourney() {
        Object[] closed = {opened(), started(), new JourneyClosed(JOURNEY, PSEUDONYM, null)};
        for (Object command : new Object[] {new RecordConversation(JOURNEY, "c1", DAY, "x", null),
                new StartExperiment(JOURNEY, "e2", null, "q", "a", "d", "s", null, null),
                new ConcludeExperiment(JOURNEY, "e1", "o", "l", "s", null),
                new ScoreSoftMeasure(JOURNEY, "m1", "hope", 6, DAY, null)}) {
            fixture.given(closed)
                    .when(command)
                    .expectException(JourneyIsClosed.class)
                    .expectNoEvents();
        }
    }
}
