package org.bothy.escalation.feeds.webhook;

import java.time.Duration;
import java.time.Instant;

/** What one POST to a body's endpoint came to: a status code, or an error if there was no answer. */
public record AttemptResult(Instant attemptedAt, Integer statusCode, String error, Duration duration) {

    /** Whether the body acknowledged the delivery (any 2xx). */
    public boolean acknowledged() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
