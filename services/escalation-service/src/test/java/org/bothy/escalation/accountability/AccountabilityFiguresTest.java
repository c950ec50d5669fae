package org.bothy.escalation.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.privacy.DisclosureControl;
import org.junit.jupiter.api.Test;

/** The accountability figures on escalations whose dates were worked through by hand (see each comment). */
class AccountabilityFiguresTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final String NHS = "nhs-lothian";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    private final AccountabilityFigures figures = new AccountabilityFigures(Codes.northEdinburgh(), DisclosureControl.standard());

    // Council. Days to acknowledge: 2.0, 1.5, 7.0 -> sorted 1.5, 2.0, 7.0 -> median 2.0.
    // Days to first answer: 10, 14, 35 -> median 14.0. E3 answered after its due date (late); E4 is past due, unanswered.
    private static final EscalationRecord E1 = record("e1", COUNCIL, 4, null, "2026-10-01T09:00:00Z", "2026-10-29", null,
            "2026-10-03T09:00:00Z", "2026-10-11T09:00:00Z", "COMMITTED", false, "A named contact in every school",
            "2026-11-01", "Named contacts in all 14 schools", "2026-10-25", true, "COMMITTED");
    private static final EscalationRecord E2 = record("e2", COUNCIL, 7, null, "2026-10-05T09:00:00Z", "2026-11-02", null,
            "2026-10-06T21:00:00Z", "2026-10-19T09:00:00Z", "DECLINED", false, null, null, null, null, null, "DECLINED");
    private static final EscalationRecord E3 = record("e3", COUNCIL, 12, null, "2026-10-10T09:00:00Z", "2026-11-07", null,
            "2026-10-17T09:00:00Z", "2026-11-14T09:00:00Z", "COMMITTED", true, "Repairs within 10 days", "2026-11-20",
            null, null, null, "COMMITTED");
    private static final EscalationRecord E4 = record("e4", COUNCIL, 5, null, "2026-11-01T09:00:00Z", "2026-11-20", null,
            null, null, null, false, null, null, null, null, null, "DELIVERED");
    private static final EscalationRecord E5 = record("e5", COUNCIL, 5, null, "2026-11-20T09:00:00Z", "2026-12-18", null,
            null, null, null, false, null, null, null, null, null, "DELIVERED");
    // NHS. Acknowledge: 0.5 and 2.0 -> median 1.25 -> 1.3. Answer: 4.0 and 9.0 -> median 6.5.
    // N2's change came on 30 Oct for a 20 Oct commitment (late); N1's date is still to come; N3 was closed unanswered.
    private static final EscalationRecord N1 = record("n1", NHS, 3, null, "2026-10-01T00:00:00Z", "2026-10-29", null,
            "2026-10-01T12:00:00Z", "2026-10-05T00:00:00Z", "COMMITTED", false, "GP registration without proof of address",
            "2026-12-01", null, null, null, "COMMITTED");
    private static final EscalationRecord N2 = record("n2", NHS, 9, "*", "2026-10-02T00:00:00Z", "2026-10-30", null,
            "2026-10-04T00:00:00Z", "2026-10-11T00:00:00Z", "COMMITTED", false, "Same-week mental health triage",
            "2026-10-20", "Triage within 7 days", "2026-10-30", false, "CHANGE_REPORTED");
    private static final EscalationRecord N3 = record("n3", NHS, 6, null, "2026-10-03T00:00:00Z", "2026-11-01",
            "2026-11-02T00:00:00Z", null, null, null, false, null, null, null, null, null, "CLOSED");

    @Test
    void eachBodysFiguresAreWorkedOutFromItsOwnEscalations() {
        Accountability result = figures.of(List.of(E1, E2, E3, E4, E5, N1, N2, N3), TODAY, Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(result.asOf()).isEqualTo(TODAY);
        assertThat(result.bodies()).extracting(Accountability.BodyFigures::body).containsExactly(COUNCIL, NHS);

        Accountability.BodyFigures council = result.bodies().get(0);
        assertThat(council.received()).isEqualTo(5);
        assertThat(council.acknowledged()).isEqualTo(3);
        assertThat(council.medianDaysToAcknowledge()).isEqualByComparingTo(new BigDecimal("2.0"));
        assertThat(council.responded()).isEqualTo(3);
        assertThat(council.medianDaysToRespond()).isEqualByComparingTo(new BigDecimal("14.0"));
        assertThat(council.answeredLate()).isEqualTo(1);
        assertThat(council.overdueNow()).isEqualTo(1);
        assertThat(council.declined()).isEqualTo(1);
        assertThat(council.commitmentsMade()).isEqualTo(2);
        assertThat(council.commitmentsKept()).isEqualTo(1);
        assertThat(council.commitmentsNotKept()).isEqualTo(1);
        assertThat(council.commitmentsDue()).isZero();

        Accountability.BodyFigures nhs = result.bodies().get(1);
        assertThat(nhs.received()).isEqualTo(3);
        assertThat(nhs.medianDaysToAcknowledge()).isEqualByComparingTo(new BigDecimal("1.3"));
        assertThat(nhs.medianDaysToRespond()).isEqualByComparingTo(new BigDecimal("6.5"));
        assertThat(nhs.overdueNow()).as("N3 was closed: no longer waiting on the body").isZero();
        assertThat(nhs.commitmentsMade()).isEqualTo(2);
        assertThat(nhs.commitmentsKept()).isZero();
        assertThat(nhs.commitmentsNotKept()).isEqualTo(1);
        assertThat(nhs.commitmentsDue()).isEqualTo(1);
    }

    @Test
    void youSaidWeDidListsEveryCommitmentByItsDateWithWhatWasDoneAndCountsAfterDisclosureControl() {
        Accountability result = figures.of(List.of(E1, E2, E3, E4, E5, N1, N2, N3), TODAY, Instant.now());
        assertThat(result.youSaidWeDid()).extracting(c -> c.escalationId() + "|" + c.state() + "|" + c.people())
                // n2's count the place hid to protect another: 9 is only the fewest it can be, so it stays hidden
                .containsExactly("n2|LATE|*", "e1|KEPT|<5", "e3|PAST_DUE|12", "n1|DUE|<5");
        Accountability.Commitment kept = result.youSaidWeDid().get(1);
        assertThat(kept.said()).isEqualTo("A named contact in every school");
        assertThat(kept.by()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(kept.did()).isEqualTo("Named contacts in all 14 schools");
        assertThat(kept.madeOn()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(kept.bodyLabel()).isEqualTo(Codes.northEdinburgh().statutoryBody(COUNCIL).label());
        assertThat(kept.pattern()).contains(" caused by ");
    }

    @Test
    void aMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndOfNothingIsNull() {
        assertThat(AccountabilityFigures.median(List.of(3.0, 1.0, 4.0, 10.0))).isEqualByComparingTo("3.5");
        assertThat(AccountabilityFigures.median(List.of(0.25))).isEqualByComparingTo("0.3");
        assertThat(AccountabilityFigures.median(List.of())).isNull();
        assertThat(figures.of(List.of(E5), TODAY, Instant.now()).bodies().get(0).medianDaysToRespond()).isNull();
    }

    private static EscalationRecord record(String id, String body, int people, String peopleShown, String raisedAt, String dueBy,
                                           String overdueAt, String acknowledgedAt, String firstResponseAt, String kind,
                                           boolean late, String commitment, String commitBy, String did, String madeOn,
                                           Boolean kept, String status) {
        return new EscalationRecord(id, body, "housing", "council-housing", people, peopleShown, "What will you change?", status,
                Instant.parse(raisedAt), LocalDate.parse(dueBy), instant(overdueAt), instant(acknowledgedAt),
                instant(firstResponseAt), kind, late, "DECLINED".equals(kind), commitment, date(commitBy), did, date(madeOn),
                did == null ? null : Instant.parse(madeOn + "T12:00:00Z"), kept, null);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
