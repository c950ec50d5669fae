package org.bothy.escalation.escalation;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.escalation.escalation.api.DeliveryAttemptFailed;
import org.bothy.escalation.escalation.api.EscalationDelivered;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.escalation.escalation.api.MarkDelivered;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.escalation.escalation.api.RecordDeliveryAttempt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationTest {

    private static final String ID = "7f1c2a8e-0000-4000-8000-000000000001";
    private static final Instant RAISED_AT = Instant.parse("2025-03-03T10:15:00Z");
    private static final LocalDate DUE_BY = LocalDate.parse("2025-03-23");
    private static final String QUESTION = "What will the council change so that repairs are done before tenancies fail?";

    private FixtureConfiguration<Escalation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Escalation.class);
        fixture.registerInjectableResource(EscalationLifecycleTest.DEADLINES);
    }

    private static RaiseEscalation raise(String question, LocalDate dueBy, int people, String body) {
        return new RaiseEscalation(ID, "cand-1", "housing:council-housing", body, "housing", "council-housing",
                people, "<5", 2, question, dueBy, RAISED_AT);
    }

    private static EscalationRaised raised() {
        return new EscalationRaised(ID, "cand-1", "housing:council-housing", "city-of-edinburgh-council", "housing",
                "council-housing", 3, "<5", 2, QUESTION, DUE_BY, RAISED_AT);
    }

    @Test
    void aPlaceLeadsDecisionRaisesAnEscalationToTheBody() {
        fixture.givenNoPriorActivity()
                .when(raise(QUESTION, DUE_BY, 3, "city-of-edinburgh-council"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(raised());
    }

    @Test
    void anEscalationWithoutAQuestionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(raise("  ", DUE_BY, 3, "city-of-edinburgh-council"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("question is required: the body must know what it is asked")
                .expectNoEvents();
    }

    @Test
    void aQuestionLongerThanTheLimitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(raise("x".repeat(Escalation.MAX_QUESTION_LENGTH + 1), DUE_BY, 3, "city-of-edinburgh-council"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anAnswerCannotBeDueOnOrBeforeTheDayItIsAsked() {
        fixture.givenNoPriorActivity()
                .when(raise(QUESTION, LocalDate.parse("2025-03-03"), 3, "city-of-edinburgh-council"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("dueBy must be after the day the escalation is raised")
                .expectNoEvents();
    }

    @Test
    void anEscalationWithoutADueDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(raise(QUESTION, null, 3, "city-of-edinburgh-council"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anEscalationMustNameABody() {
        fixture.givenNoPriorActivity()
                .when(raise(QUESTION, DUE_BY, 3, " "))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anEscalationMustRestOnEvidence() {
        fixture.givenNoPriorActivity()
                .when(raise(QUESTION, DUE_BY, 0, "city-of-edinburgh-council"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aFailedAttemptIsRecorded() {
        fixture.given(raised())
                .when(new RecordDeliveryAttempt(ID, 1, RAISED_AT.plusSeconds(1), 500, null, 42))
                .expectEvents(new DeliveryAttemptFailed(ID, 1, RAISED_AT.plusSeconds(1), 500, null, 42));
    }

    @Test
    void anAttemptWithNoAnswerRecordsItsError() {
        fixture.given(raised())
                .when(new RecordDeliveryAttempt(ID, 1, RAISED_AT.plusSeconds(1), null, "connect timed out", 5000))
                .expectEvents(new DeliveryAttemptFailed(ID, 1, RAISED_AT.plusSeconds(1), null, "connect timed out", 5000));
    }

    @Test
    void aFailedAttemptNamesItsStatusOrError() {
        fixture.given(raised())
                .when(new RecordDeliveryAttempt(ID, 1, RAISED_AT.plusSeconds(1), null, null, 5))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aTwoHundredIsNotAFailedAttempt() {
        fixture.given(raised())
                .when(new RecordDeliveryAttempt(ID, 1, RAISED_AT.plusSeconds(1), 204, null, 5))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anAttemptSeenTwiceChangesNothing() {
        fixture.given(raised(), new DeliveryAttemptFailed(ID, 1, RAISED_AT.plusSeconds(1), 500, null, 42))
                .when(new RecordDeliveryAttempt(ID, 1, RAISED_AT.plusSeconds(2), 500, null, 42))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void attemptsAreRecordedInOrder() {
        fixture.given(raised(), new DeliveryAttemptFailed(ID, 1, RAISED_AT.plusSeconds(1), 500, null, 42))
                .when(new RecordDeliveryAttempt(ID, 3, RAISED_AT.plusSeconds(2), 500, null, 42))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("attempt 3 is out of order: attempt 2 is next")
                .expectNoEvents();
    }

    @Test
    void anAcknowledgedAttemptDeliversTheEscalation() {
        Instant third = RAISED_AT.plusSeconds(9);
        fixture.given(raised(),
                        new DeliveryAttemptFailed(ID, 1, RAISED_AT.plusSeconds(1), 500, null, 42),
                        new DeliveryAttemptFailed(ID, 2, RAISED_AT.plusSeconds(3), 500, null, 40))
                .when(new MarkDelivered(ID, 3, third, 200, 31))
                .expectEvents(new EscalationDelivered(ID, 3, third, 200, 31));
    }

    @Test
    void onlyATwoHundredAcknowledges() {
        fixture.given(raised())
                .when(new MarkDelivered(ID, 1, RAISED_AT.plusSeconds(1), 302, 31))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementSeenTwiceChangesNothing() {
        fixture.given(raised(), new EscalationDelivered(ID, 1, RAISED_AT.plusSeconds(1), 200, 31))
                .when(new MarkDelivered(ID, 2, RAISED_AT.plusSeconds(5), 200, 12))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeliveredEscalationTakesNoFurtherAttempts() {
        fixture.given(raised(), new EscalationDelivered(ID, 1, RAISED_AT.plusSeconds(1), 200, 31))
                .when(new RecordDeliveryAttempt(ID, 2, RAISED_AT.plusSeconds(5), 500, null, 12))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }
}
