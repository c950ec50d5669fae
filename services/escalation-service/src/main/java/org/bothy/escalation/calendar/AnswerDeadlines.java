package org.bothy.escalation.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a body's answer falls due and when it is reminded: a default of {@code answerWorkingDays} working days
 * to answer, overdue from the start of the day after the due date, then a reminder every
 * {@code reminderEveryWorkingDays} working days until it answers.
 */
public record AnswerDeadlines(WorkingCalendar calendar, int answerWorkingDays, int reminderEveryWorkingDays) {

    public AnswerDeadlines {
        if (answerWorkingDays <= 0 || reminderEveryWorkingDays <= 0) {
            throw new IllegalArgumentException("answer and reminder periods must be positive numbers of working days");
        }
    }

    /** The due date when a place lead names none: {@code answerWorkingDays} working days after {@code raisedAt}. */
    public LocalDate defaultDueBy(Instant raisedAt) {
        return calendar.plusWorkingDays(LocalDate.ofInstant(raisedAt, calendar.zone()), answerWorkingDays);
    }

    /** The moment an unanswered escalation becomes overdue: the due date is the last day to answer. */
    public Instant overdueAt(LocalDate dueBy) {
        return dueBy.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    /** The start of the day of the next reminder, {@code reminderEveryWorkingDays} working days after {@code after}. */
    public Instant nextReminderAt(Instant after) {
        LocalDate day = calendar.plusWorkingDays(LocalDate.ofInstant(after, calendar.zone()), reminderEveryWorkingDays);
        return day.atStartOfDay(calendar.zone()).toInstant();
    }
}
