package org.bothy.escalation.calendar;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the working-day calendar at start-up: a service with a bad calendar file does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarSettings.class)
public class CalendarConfiguration {

    @Bean
    AnswerDeadlines answerDeadlines(CalendarSettings settings) throws IOException {
        try (InputStream in = settings.file().getInputStream()) {
            return new AnswerDeadlines(WorkingCalendar.read(in), settings.answerWorkingDays(),
                    settings.reminderEveryWorkingDays());
        }
    }
}
