package org.bothy.partner.referral;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a referral on the receiving side, each read as a sentence: given what happened, when asked, then. */
class ReceivedReferralTest {

    private static final String REFERRAL = "5b1f3c2a-7e4d-4f0a-9b6c-2d8e1f3a4b5c";
    private static final String PSEUDONYM = "p-7d2c";
    private static final String SEALED = "c2VhbGVkIGVudmVsb3Bl";
    private static final String JOURNEY_HERE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String PERSON_HERE = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final Instant MADE = Instant.parse("2026-11-28T10:00:00Z");

    private FixtureConfiguration<ReceivedReferral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReceivedReferral.class);
    }

    private static ReceiveReferral receive(String from) {
        return new ReceiveReferral(REFERRAL, from, "move-on", PSEUDONYM, "c2VhbGVkIHJlYXNvbg==",
                List.of("housing"), SEALED, MADE);
    }

    private static ReferralReceived received() {
        return new ReferralReceived(REFERRAL, "fresh-start", PSEUDONYM, "c2VhbGVkIHJlYXNvbg==", List.of("housing"),
                SEALED, MADE);
    }

    @Test
    void aReferralToThisOrganisationIsReceived() {
        fixture.givenNoPriorActivity()
                .when(receive("fresh-start"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received());
    }

    @Test
    void aReferralDeliveredAgainIsReceivedOnce() {
        fixture.given(received())
                .when(receive("fresh-start"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(received(), new ReceivedReferralDeclined(REFERRAL, "fresh-start", "Full until March."))
                .when(receive("fresh-start"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReferralFromThisOrganisationToItselfIsNotReceived() {
        fixture.givenNoPriorActivity()
                .when(receive("move-on"))
                .expectException(ReferralRefused.class)
                .expectNoEvents();
    }

    @Test
    void aWaitingReferralIsAcceptedForThePersonItsDetailsName() {
        fixture.given(received())
                .when(new AcceptReferral(REFERRAL, JOURNEY_HERE, PERSON_HERE, PSEUDONYM))
                .expectEvents(new ReceivedReferralAccepted(REFERRAL, "fresh-start", JOURNEY_HERE, PERSON_HERE));
    }

    @Test
    void detailsThatDoNotMatchThePseudonymAreNotAccepted() {
        fixture.given(received())
                .when(new AcceptReferral(REFERRAL, JOURNEY_HERE, PERSON_HERE, "p-other"))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("do not match its pseudonym"))
                .expectNoEvents();
    }

    @Test
    void aWaitingReferralIsDeclinedWithAReason() {
        fixture.given(received())
                .when(new DeclineReferral(REFERRAL, "  The group is full until March.  "))
                .expectEvents(new ReceivedReferralDeclined(REFERRAL, "fresh-start", "The group is full until March."));
    }

    @Test
    void aDeclineWithoutAReasonIsRefused() {
        fixture.given(received())
                .when(new DeclineReferral(REFERRAL, "   "))
                .expectException(RefusedFor.field("reason"))
                .expectNoEvents();
        fixture.given(received())
                .when(new DeclineReferral(REFERRAL, null))
                .expectException(ReferralRefused.class)
                .expectNoEvents();
    }

    @Test
    void aReferralIsAnsweredExactlyOnce() {
        ReceivedReferralAccepted accepted = new ReceivedReferralAccepted(REFERRAL, "fresh-start", JOURNEY_HERE,
                PERSON_HERE);
        ReceivedReferralDeclined declined = new ReceivedReferralDeclined(REFERRAL, "fresh-start", "Full.");
        fixture.given(received(), accepted)
                .when(new AcceptReferral(REFERRAL, "another-journey", PERSON_HERE, PSEUDONYM))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("already ACCEPTED"))
                .expectNoEvents();
        fixture.given(received(), accepted)
                .when(new DeclineReferral(REFERRAL, "Changed our mind."))
                .expectException(ReferralRefused.class)
                .expectNoEvents();
        fixture.given(received(), declined)
                .when(new AcceptReferral(REFERRAL, JOURNEY_HERE, PERSON_HERE, PSEUDONYM))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("already DECLINED"))
                .expectNoEvents();
        fixture.given(received(), declined)
                .when(new DeclineReferral(REFERRAL, "Again."))
                .expectException(ReferralRefused.class)
                .expectNoEvents();
    }
}
