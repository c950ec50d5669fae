package org.bothy.escalation.feeds.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook deliveries are sent ({@code bothy.escalation.delivery.*}): how often the poller looks for
 * due ones, the exponential back-off between attempts (base doubling up to the cap, with jitter), how long
 * a delivery keeps being retried before it gives up, how long a claimed delivery is reserved for one
 * sender, and the HTTP timeouts.
 */
@ConfigurationProperties("bothy.escalation.delivery")
public record DeliverySettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration baseBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("2m") Duration claimFor,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("20") int batchSize,
        @DefaultValue("72h") Duration giveUpAfter) {

    /** The wait after the {@code attempts}-th failed attempt: base, 2 x base, 4 x base ... never above the cap. */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = baseBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * The back-off with "equal jitter": half the wait fixed, half random ({@code random} in [0, 1)), so that many
     * deliveries failing together (a body's endpoint down) do not all retry in the same instant.
     */
    public Duration jitteredBackoffAfter(int attempts, double random) {
        long millis = backoffAfter(attempts).toMillis();
        return Duration.ofMillis(millis / 2 + (long) (millis / 2.0 * random));
    }
}
