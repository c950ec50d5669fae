package org.bothy.partner.person;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a person's record, each read as a sentence: given what happened, when asked, then what happens. */
class PersonTest {

    private static final String PERSON = "7d2c4f1a-0b9e-4e3d-8c21-5a6b7c8d9e0f";
    private static final String PSEUDONYM = "p-7d2c";
    private static final String SEALED = "c2VhbGVk";
    private static final String SHARE = "share-learning";
    private static final Instant EXPIRY = Instant.parse("2027-01-01T00:00:00Z");

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    private static PersonRegistered registered() {
        return new PersonRegistered(PERSON, PSEUDONYM, SEALED);
    }

    @Test
    void someoneIsRegisteredWithSealedDetailsAndTheConsentsTheyGive() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(PERSON, PSEUDONYM, SEALED, List.of(SHARE, "referral:move-on")))
                .expectEvents(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, null),
                        new ConsentGiven(PERSON, PSEUDONYM, "referral:move-on", null));
    }

    @Test
    void aConsentIsGivenWithItsExpiry() {
        fixture.given(registered())
                .when(new GiveConsent(PERSON, SHARE, EXPIRY))
                .expectEvents(new ConsentGiven(PERSON, PSEUDONYM, SHARE, EXPIRY));
    }

    @Test
    void aConsentInForceIsRevoked() {
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, null))
                .when(new RevokeConsent(PERSON, SHARE))
                .expectEvents(new ConsentRevoked(PERSON, PSEUDONYM, SHARE));
    }

    @Test
    void aConsentNotInForceCannotBeRevoked() {
        fixture.given(registered())
                .when(new RevokeConsent(PERSON, SHARE))
                .expectException(NoActiveConsent.class)
                .expectNoEvents();
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, null),
                        new ConsentRevoked(PERSON, PSEUDONYM, SHARE))
                .when(new RevokeConsent(PERSON, SHARE))
                .expectException(NoActiveConsent.class)
                .expectNoEvents();
    }

    @Test
    void aConsentPastItsExpiryEndsOnce() {
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, EXPIRY))
                .when(new NoteConsentExpired(PERSON, SHARE, EXPIRY.plusSeconds(1)))
                .expectEvents(new ConsentExpired(PERSON, PSEUDONYM, SHARE, EXPIRY));
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, EXPIRY),
                        new ConsentExpired(PERSON, PSEUDONYM, SHARE, EXPIRY))
                .when(new NoteConsentExpired(PERSON, SHARE, EXPIRY.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void aConsentBeforeItsExpiryOrWithoutOneDoesNotExpire() {
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, EXPIRY))
                .when(new NoteConsentExpired(PERSON, SHARE, EXPIRY.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, null))
                .when(new NoteConsentExpired(PERSON, SHARE, EXPIRY))
                .expectNoEvents();
    }

    @Test
    void aRevokedConsentDoesNotAlsoExpire() {
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, EXPIRY),
                        new ConsentRevoked(PERSON, PSEUDONYM, SHARE))
                .when(new NoteConsentExpired(PERSON, SHARE, EXPIRY.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void aPersonIsErasedOnce() {
        fixture.given(registered())
                .when(new ErasePerson(PERSON))
                .expectEvents(new PersonErased(PERSON, PSEUDONYM));
        fixture.given(registered(), new PersonErased(PERSON, PSEUDONYM))
                .when(new ErasePerson(PERSON))
                .expectException(PersonIsErased.class)
                .expectNoEvents();
    }

    @Test
    void nothingIsConsentedForAnErasedPerson() {
        fixture.given(registered(), new PersonErased(PERSON, PSEUDONYM))
                .when(new GiveConsent(PERSON, SHARE, null))
                .expectException(PersonIsErased.class)
                .expectNoEvents();
    }

    @Test
    void anErasedPersonsConsentsNoLongerExpire() {
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, EXPIRY),
                        new PersonErased(PERSON, PSEUDONYM))
                .when(new NoteConsentExpired(PERSON, SHARE, EXPIRY.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void nothingIsRevokedForAnErasedPerson() {
        fixture.given(registered(), new ConsentGiven(PERSON, PSEUDONYM, SHARE, null),
                        new PersonErased(PERSON, PSEUDONYM))
                .when(new RevokeConsent(PERSON, SHARE))
                .expectException(PersonIsErased.class)
                .expectNoEvents();
    }
}
