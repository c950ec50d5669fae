package org.bothy.escalation.escalation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.escalation.calendar.AnswerDeadlines;
import org.bothy.escalation.calendar.WorkingCalendar;
import org.bothy.escalation.escalation.api.AcknowledgeEscalation;
import org.bothy.escalation.escalation.api.AnswerDue;
import org.bothy.escalation.escalation.api.ChangeReported;
import org.bothy.escalation.escalation.api.CloseEscalation;
import org.bothy.escalation.escalation.api.EscalationAcknowledged;
import org.bothy.escalation.escalation.api.EscalationClosed;
import org.bothy.escalation.escalation.api.EscalationOverdue;
import org.bothy.escalation.escalation.api.EscalationReEscalated;
import org.bothy.escalation.escalation.api.EscalationReminded;
import org.bothy.escalation.escalation.api.EscalationResponded;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.escalation.escalation.api.ReEscalate;
import org.bothy.escalation.escalation.api.ReportChange;
import org.bothy.escalation.escalation.api.RespondToEscalation;
import org.bothy.escalation.escalation.api.ResponseKind;
import org.bothy.escalation.escalation.api.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The escalation after it is raised: the body's answers, the durable due date, reminders, closing and moving on. */
class EscalationLifecycleTest {

    /** Monday to Friday in Edinburgh, with Friday 28 March 2025 a holiday; answer in 20 days, chase every 5. */
    static final AnswerDeadlines DEADLINES = new AnswerDeadlines(
            new WorkingCalendar(ZoneId.of("Europe/London"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    Set.of(LocalDate.parse("2025-03-28"))),
            20, 5);

    private static final String ID = "7f1c2a8e-0000-4000-8000-000000000002";
    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final Instant RAISED_AT = Instant.parse("2025-03-03T10:15:00Z");
    private static final LocalDate DUE_BY = LocalDate.parse("2025-03-23");
    /** The start of Monday 24 March in Edinburgh (GMT): the first day the answer is late. */
    private static final Instant OVERDUE_AT = Instant.parse("2025-03-24T00:00:00Z");
    /** Five working days on, skipping the Friday holiday: Tuesday 1 April, in BST. */
    private static final Instant FIRST_REMINDER = Instant.parse("2025-03-31T23:00:00Z");
    private static final Instant SECOND_REMINDER = Instant.parse("2025-04-07T23:00:00Z");
    private static final String QUESTION = "What will the council change so that repairs are done before tenancies fail?";

    private FixtureConfiguration<Escalation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Escalation.class);
        fixture.registerInjectableResource(DEADLINES);
    }

    private static RaiseEscalation raise() {
        return new RaiseEscalation(ID, "cand-1", "housing:council-housing", COUNCIL, "housing", "council-housing",
                4, "<5", 2, QUESTION, DUE_BY, RAISED_AT);
    }

    private static RespondToEscalation commit(Instant at) {
        return new RespondToEscalation(ID, COUNCIL, ResponseKind.COMMITTED, "Repairs triaged within 5 days",
                LocalDate.parse("2025-06-30"), null, null, at);
    }

    @Test
    void raisingSetsADurableDeadlineForTheStartOfTheDayAfterTheDueDate() {
        fixture.givenNoPriorActivity()
                .when(raise())
                .expectScheduledDeadlineWithName(OVERDUE_AT, Escalation.ANSWER_DUE)
                .expectScheduledDeadline(OVERDUE_AT, new AnswerDue(ID, OVERDUE_AT));
    }

    @Test
    void anUnansweredEscalationTurnsOverdueWhenTheDueDatePassesAndAReminderIsSet() {
        fixture.givenCurrentTime(RAISED_AT)
                .andGivenCommands(raise())
                .whenTimeAdvancesTo(OVERDUE_AT)
                .expectEvents(new EscalationOverdue(ID, COUNCIL, DUE_BY, OVERDUE_AT))
                .expectScheduledDeadlineWithName(FIRST_REMINDER, Escalation.REMINDER)
                .expectDeadlinesMet(new AnswerDue(ID, OVERDUE_AT));
    }

    @Test
    void remindersFollowEveryFiveWorkingDaysUntilTheBodyAnswers() {
        fixture.givenCurrentTime(RAISED_AT)
                .andGivenCommands(raise())
                .whenTimeElapses(Duration.between(RAISED_AT, SECOND_REMINDER))
                .expectEvents(new EscalationOverdue(ID, COUNCIL, DUE_BY, OVERDUE_AT),
                        new EscalationReminded(ID, COUNCIL, 1, DUE_BY, FIRST_REMINDER),
                        new EscalationReminded(ID, COUNCIL, 2, DUE_BY, SECOND_REMINDER))
                .expectScheduledDeadlineWithName(Instant.parse("2025-04-14T23:00:00Z"), Escalation.REMINDER);
    }

    @Test
    void anAnswerBeforeTheDueDateStopsTheDeadline() {
        Instant answered = Instant.parse("2025-03-10T09:00:00Z");
        fixture.givenCurrentTime(RAISED_AT)
                .andGivenCommands(raise(), commit(answered))
                .whenTimeAdvancesTo(SECOND_REMINDER)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void theBodyAcknowledgesOnce() {
        Instant at = RAISED_AT.plusSeconds(3600);
        fixture.givenCommands(raise())
                .when(new AcknowledgeEscalation(ID, COUNCIL, at))
                .expectEvents(new EscalationAcknowledged(ID, COUNCIL, at));
        fixture.givenCommands(raise(), new AcknowledgeEscalation(ID, COUNCIL, at))
                .when(new AcknowledgeEscalation(ID, COUNCIL, at.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherBodyCannotAnswer() {
        fixture.givenCommands(raise())
                .when(new AcknowledgeEscalation(ID, "nhs-lothian", RAISED_AT.plusSeconds(60)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("escalation " + ID + " is not addressed to nhs-lothian")
                .expectNoEvents();
    }

    @Test
    void aCommitmentNamesTheChangeAndItsDate() {
        Instant at = Instant.parse("2025-03-12T11:00:00Z");
        fixture.givenCommands(raise())
                .when(commit(at))
                .expectEvents(new EscalationResponded(ID, COUNCIL, ResponseKind.COMMITTED, "Repairs triaged within 5 days",
                        LocalDate.parse("2025-06-30"), null, null, at, false));
        fixture.givenCommands(raise())
                .when(new RespondToEscalation(ID, COUNCIL, ResponseKind.COMMITTED, "Repairs faster", null, null, null, at))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("commitBy is required: a commitment has a date");
    }

    @Test
    void aLateAnswerIsMarkedLate() {
        Instant at = Instant.parse("2025-04-02T09:00:00Z");
        fixture.givenCommands(raise())
                .andGiven(new EscalationOverdue(ID, COUNCIL, DUE_BY, OVERDUE_AT))
                .when(new RespondToEscalation(ID, COUNCIL, ResponseKind.DECLINED, null, null,
                        "Repairs are a housing association matter", null, at))
                .expectEvents(new EscalationResponded(ID, COUNCIL, ResponseKind.DECLINED, null, null,
                        "Repairs are a housing association matter", null, at, true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void askingForMoreLeavesRoomForALaterCommitmentButAFinalAnswerIsFinal() {
        Instant asked = Instant.parse("2025-03-05T09:00:00Z");
        Instant committed = Instant.parse("2025-03-20T09:00:00Z");
        fixture.givenCommands(raise(), new RespondToEscalation(ID, COUNCIL, ResponseKind.MORE_INFORMATION_REQUESTED, null,
                        null, null, "Which estates?", asked))
                .when(commit(committed))
                .expectEvents(new EscalationResponded(ID, COUNCIL, ResponseKind.COMMITTED, "Repairs triaged within 5 days",
                        LocalDate.parse("2025-06-30"), null, null, committed, false));
        fixture.givenCommands(raise(), commit(committed))
                .when(new RespondToEscalation(ID, COUNCIL, ResponseKind.DECLINED, null, null, "changed our mind", null,
                        committed.plusSeconds(60)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aChangeReportedOnTimeKeepsTheCommitment() {
        Instant at = Instant.parse("2025-06-20T09:00:00Z");
        fixture.givenCommands(raise(), commit(Instant.parse("2025-03-12T11:00:00Z")))
                .when(new ReportChange(ID, COUNCIL, "Repair triage team in place", LocalDate.parse("2025-06-16"), at))
                .expectEvents(new ChangeReported(ID, COUNCIL, "Repair triage team in place", LocalDate.parse("2025-06-16"),
                        at, true));
        fixture.givenCommands(raise(), commit(Instant.parse("2025-03-12T11:00:00Z")))
                .when(new ReportChange(ID, COUNCIL, "Repair triage team in place", LocalDate.parse("2025-07-16"), at))
                .expectEvents(new ChangeReported(ID, COUNCIL, "Repair triage team in place", LocalDate.parse("2025-07-16"),
                        at, false));
    }

    @Test
    void aChangeCannotBeReportedWithoutACommitment() {
        fixture.givenCommands(raise())
                .when(new ReportChange(ID, COUNCIL, "Something", LocalDate.parse("2025-03-10"), RAISED_AT.plusSeconds(60)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void thePlaceClosesWithItsVerdictAndNothingMoreIsAnswered() {
        Instant at = Instant.parse("2025-09-01T09:00:00Z");
        fixture.givenCommands(raise(), commit(Instant.parse("2025-03-12T11:00:00Z")))
                .when(new CloseEscalation(ID, Verdict.PATTERN_FELL, "Two quarters without a repair-related eviction", at))
                .expectEvents(new EscalationClosed(ID, COUNCIL, Verdict.PATTERN_FELL,
                        "Two quarters without a repair-related eviction", at));
        fixture.givenCommands(raise(), new CloseEscalation(ID, Verdict.TOO_EARLY_TO_TELL, null, at))
                .when(new AcknowledgeEscalation(ID, COUNCIL, at.plusSeconds(60)))
                .expectException(IllegalStateException.class);
    }

    @Test
    void reEscalationMovesThePatternToAnotherBodyAndStopsTheChasing() {
        Instant at = Instant.parse("2025-04-03T09:00:00Z");
        String next = "7f1c2a8e-0000-4000-8000-000000000003";
        fixture.givenCommands(raise())
                .when(new ReEscalate(ID, "scottish-government", next, "No answer after reminders; the policy is national", at))
                .expectEvents(new EscalationReEscalated(ID, COUNCIL, "scottish-government", next,
                        "No answer after reminders; the policy is national", at))
                .expectNoScheduledDeadlines();
        fixture.givenCommands(raise())
                .when(new ReEscalate(ID, COUNCIL, next, "again", at))
                .expectException(IllegalArgumentException.class);
    }
}
