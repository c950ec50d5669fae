package org.bothy.escalation.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code bothy.escalation.calendar.*}: the working-day calendar file (Edinburgh's by default), how many working
 * days a body has to answer when the place lead names no date, and how often an overdue answer is chased.
 */
@ConfigurationProperties("bothy.escalation.calendar")
public record CalendarSettings(
        @DefaultValue("classpath:calendar/edinburgh.yaml") Resource file,
        @DefaultValue("20") int answerWorkingDays,
        @DefaultValue("5") int reminderEveryWorkingDays) {
}
