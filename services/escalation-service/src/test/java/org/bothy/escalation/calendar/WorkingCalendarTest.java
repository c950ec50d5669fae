package org.bothy.escalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static WorkingCalendar edinburgh() throws Exception {
        try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/calendar/edinburgh.yaml")) {
            return WorkingCalendar.read(in);
        }
    }

    @Test
    void twentyWorkingDaysSkipWeekendsAndEdinburghHolidays() throws Exception {
        WorkingCalendar calendar = edinburgh();
        // Thursday 10 Dec 2026: 25 and 28 Dec, 1 and 4 Jan are holidays, so 20 working days end on Wednesday 13 Jan 2027
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-12-10"), 20)).isEqualTo(LocalDate.parse("2027-01-13"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-21"))).as("Edinburgh autumn holiday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-22"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-26"))).as("a Saturday").isFalse();
    }

    @Test
    void theDefaultDueDateIsTwentyWorkingDaysOn() throws Exception {
        AnswerDeadlines deadlines = new AnswerDeadlines(edinburgh(), 20, 5);
        // Monday 2 Nov 2026 + 20 working days, St Andrew's Day (30 Nov) off: Tuesday 1 Dec
        assertThat(deadlines.defaultDueBy(Instant.parse("2026-11-02T10:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(deadlines.overdueAt(LocalDate.parse("2026-07-01"))).isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
    }

    @Test
    void aMalformedCalendarIsRefusedWithTheReason() {
        InputStream bad = new ByteArrayInputStream("holidays:\n  - {date: 2026-13-45}\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> WorkingCalendar.read(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the calendar file is not valid");
    }
}
