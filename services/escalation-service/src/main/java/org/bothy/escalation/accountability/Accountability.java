package org.bothy.escalation.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How each statutory body has answered the consortium, as of a day: per body the escalations it received, how quickly
 * it acknowledged and answered them (medians in days), how many are overdue now, and the commitments it made and
 * kept; and the "you said, we did" log of every commitment, its counts of people after disclosure control (the note
 * says at which threshold). Counts of escalations and answers are a public body's own record and are shown whole.
 */
public record Accountability(LocalDate asOf, List<BodyFigures> bodies, List<Commitment> youSaidWeDid,
                             String disclosureNote, Instant generatedAt) {

    /**
     * One body's figures. Medians are days from raising to the first acknowledgement or answer, to one decimal place,
     * over the escalations that have one ({@code null} when none has).
     */
    public record BodyFigures(
            String body,
            String label,
            int received,
            int acknowledged,
            BigDecimal medianDaysToAcknowledge,
            int responded,
            BigDecimal medianDaysToRespond,
            int answeredLate,
            int overdueNow,
            int declined,
            int commitmentsMade,
            int commitmentsKept,
            int commitmentsNotKept,
            int commitmentsDue) {
    }

    /**
     * What a body said it would do and what it did: {@code state} is {@code KEPT} (change reported on or before the
     * date), {@code LATE} (reported after it), {@code PAST_DUE} (date passed, nothing reported) or {@code DUE}.
     * {@code people} is shown after disclosure control.
     */
    public record Commitment(
            String escalationId,
            String body,
            String bodyLabel,
            String theme,
            String systemActor,
            String pattern,
            String people,
            String question,
            String said,
            LocalDate by,
            String did,
            LocalDate madeOn,
            String state,
            String verdict) {
    }
}
