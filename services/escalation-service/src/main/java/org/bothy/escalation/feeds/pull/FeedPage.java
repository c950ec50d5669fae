package org.bothy.escalation.feeds.pull;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * One page of a body's pull feed: the events after the cursor asked for, oldest first, each a structured CloudEvent;
 * {@code next} is the cursor to ask with next time (the same one when nothing new has arrived).
 */
public record FeedPage(List<Entry> events, String next, boolean more) {

    /** One event: its cursor position, and the CloudEvent exactly as the Kafka feed and webhook carry it. */
    public record Entry(String cursor, @JsonRawValue String cloudEvent) {
    }
}
