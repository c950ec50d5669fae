package org.bothy.partner.referral;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a referral on the referring side, each read as a sentence: given what happened, when asked, then. */
class ReferralTest {

    private static final String REFERRAL = "5b1f3c2a-7e4d-4f0a-9b6c-2d8e1f3a4b5c";
    private static final String JOURNEY = "0b7f5c1e-8f1a-4d0e-9c38-4f6f1f0f2a11";
    private static final String PERSON = "7d2c4f1a-0b9e-4e3d-8c21-5a6b7c8d9e0f";
    private static final String PSEUDONYM = "p-7d2c";
    private static final String SEALED_REASON = "c2VhbGVkIHJlYXNvbg==";
    private static final SealedEnvelope DETAILS = new SealedEnvelope(SealedEnvelope.ALGORITHM, "d3JhcHBlZA==",
            "aXY=", "Y2lwaGVy");
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final MakeReferral.ConsentInForce TO_MOVE_ON = new MakeReferral.ConsentInForce("referral:move-on",
            null);

    private FixtureConfiguration<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    private static MakeReferral make(String to, boolean journeyOpen, List<MakeReferral.ConsentInForce> consents) {
        return new MakeReferral(REFERRAL, JOURNEY, PERSON, PSEUDONYM, "fresh-start", to, SEALED_REASON,
                List.of("housing", "debt"), DETAILS, journeyOpen, consents, NOW);
    }

    private static PersonReferred referred() {
        return new PersonReferred(REFERRAL, JOURNEY, PERSON, PSEUDONYM, "fresh-start", "move-on", SEALED_REASON,
                List.of("housing", "debt"), DETAILS);
    }

    @Test
    void aPersonIsReferredFromAnOpenJourneyWithTheirConsentToThatPartner() {
        fixture.givenNoPriorActivity()
                .when(make("move-on", true, List.of(new MakeReferral.ConsentInForce("share-learning", null),
                        TO_MOVE_ON)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(referred());
    }

    @Test
    void aConsentThatExpiresLaterStillAllowsTheReferral() {
        fixture.givenNoPriorActivity()
                .when(make("move-on", true, List.of(new MakeReferral.ConsentInForce("referral:move-on",
                        NOW.plusSeconds(60)))))
                .expectEvents(referred());
    }

    @Test
    void withoutConsentToThatPartnerNoReferralIsMade() {
        fixture.givenNoPriorActivity()
                .when(make("move-on", true, List.of(new MakeReferral.ConsentInForce("referral:spartans", null),
                        new MakeReferral.ConsentInForce("share-learning", null))))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("consent missing"))
                .expectExceptionMessage(containsString("referral:move-on"))
                .expectNoEvents();
    }

    @Test
    void aConsentPastItsExpiryDoesNotAllowTheReferral() {
        fixture.givenNoPriorActivity()
                .when(make("move-on", true, List.of(new MakeReferral.ConsentInForce("referral:move-on", NOW))))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("consent missing"))
                .expectNoEvents();
    }

    @Test
    void noReferralIsMadeFromAClosedJourney() {
        fixture.givenNoPriorActivity()
                .when(make("move-on", false, List.of(TO_MOVE_ON)))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("is closed"))
                .expectNoEvents();
    }

    @Test
    void noOrganisationRefersToItself() {
        fixture.givenNoPriorActivity()
                .when(make("fresh-start", true, List.of(new MakeReferral.ConsentInForce("referral:fresh-start", null))))
                .expectException(ReferralRefused.class)
                .expectException(RefusedFor.field("to"))
                .expectNoEvents();
    }

    @Test
    void theReceivingPartnerAcceptsIt() {
        fixture.given(referred())
                .when(new NoteReferralAccepted(REFERRAL, "move-on", NOW))
                .expectEvents(new ReferralAcceptedByPartner(REFERRAL, "move-on", NOW));
    }

    @Test
    void theReceivingPartnerDeclinesItWithAReason() {
        fixture.given(referred())
                .when(new NoteReferralDeclined(REFERRAL, "move-on", "c2VhbGVk", NOW))
                .expectEvents(new ReferralDeclinedByPartner(REFERRAL, "move-on", "c2VhbGVk", NOW));
    }

    @Test
    void theSameAnswerReadAgainChangesNothing() {
        fixture.given(referred(), new ReferralAcceptedByPartner(REFERRAL, "move-on", NOW))
                .when(new NoteReferralAccepted(REFERRAL, "move-on", NOW.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(referred(), new ReferralDeclinedByPartner(REFERRAL, "move-on", "c2VhbGVk", NOW))
                .when(new NoteReferralDeclined(REFERRAL, "move-on", "c2VhbGVk", NOW.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeclinedReferralIsNotAcceptedToo() {
        fixture.given(referred(), new ReferralDeclinedByPartner(REFERRAL, "move-on", "c2VhbGVk", NOW))
                .when(new NoteReferralAccepted(REFERRAL, "move-on", NOW.plusSeconds(5)))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("was declined"))
                .expectNoEvents();
    }

    @Test
    void anAcceptedReferralIsNotDeclinedToo() {
        fixture.given(referred(), new ReferralAcceptedByPartner(REFERRAL, "move-on", NOW))
                .when(new NoteReferralDeclined(REFERRAL, "move-on", "c2VhbGVk", NOW.plusSeconds(5)))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("was accepted"))
                .expectNoEvents();
    }

    @Test
    void onlyThePartnerItWentToAnswersIt() {
        fixture.given(referred())
                .when(new NoteReferralAccepted(REFERRAL, "spartans", NOW))
                .expectException(ReferralRefused.class)
                .expectExceptionMessage(containsString("went to move-on"))
                .expectNoEvents();
        fixture.given(referred())
                .when(new NoteReferralDeclined(REFERRAL, "spartans", "c2VhbGVk", NOW))
                .expectException(ReferralRefused.class)
                .expectNoEvents();
    }
}
