package org.bothy.escalation.feeds.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bothy.escalation.feeds.PromptStop;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries on a fixed delay until each is acknowledged, and at once when a new delivery has been
 * committed ({@link #nudge}), so a first attempt does not wait for the next poll. Because deliveries are rows, not
 * timers in memory, a restart resumes them where they were; the poll covers retries, other instances' rows and a
 * nudge lost to a crash.
 */
@Component
public class DeliveryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final DeliverySettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer latency;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService bodies;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public DeliveryPoller(DeliveryLedger ledger, WebhookSender sender, DeliverySettings settings, MeterRegistry meters,
                          Clock clock) {
        this.ledger = ledger;
        this.sender = sender;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.latency = Timer.builder("bothy.escalation.delivery.latency")
                .description("from an escalation being raised to its body acknowledging it")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * One round: claim what is due, send each, store each attempt. Each body's deliveries go one after another on a
     * sender of its own (an escalation's events stay in order), the bodies side by side, and a body whose sender is
     * still busy is left out of the claim: an endpoint that does not answer holds up only its own body's deliveries,
     * not every other body's until its timeouts run out.
     */
    void deliverDue() {
        Map<String, List<PendingDelivery>> byBody = ledger.claimDue(Set.copyOf(busy)).stream()
                .collect(Collectors.groupingBy(PendingDelivery::body, LinkedHashMap::new, Collectors.toList()));
        ExecutorService parallel = bodies;
        byBody.forEach((body, deliveries) -> {
            if (parallel == null) {
                deliverInTurn(deliveries);
                return;
            }
            busy.add(body);
            try {
                parallel.execute(() -> {
                    try {
                        deliverInTurn(deliveries);
                    } catch (RuntimeException e) {
                        // the rows stay claimed and are retried when the claim lapses, as after a crash
                        log.warn("webhook delivery round for {} failed: {}", body, e.toString());
                    } finally {
                        busy.remove(body);
                        nudge(); // what came due for this body meanwhile
                    }
                });
            } catch (RejectedExecutionException stopping) {
                busy.remove(body); // shutting down: the claim lapses and the rows are sent after the next start
            }
        });
    }

    private void deliverInTurn(List<PendingDelivery> deliveries) {
        for (PendingDelivery delivery : deliveries) {
            AttemptResult result = sender.send(delivery);
            ledger.record(delivery, result);
            String outcome = result.acknowledged() ? "delivered" : result.statusCode() != null ? "refused" : "error";
            attempts(delivery.body(), outcome).increment();
            if (result.acknowledged()) {
                if (delivery.raisesTheEscalation()) {
                    latency.record(Duration.between(delivery.occurredAt(), clock.instant()));
                }
            } else {
                log.info("webhook delivery {} of escalation {} to {} attempt {} not acknowledged: {}", delivery.webhookId(),
                        delivery.escalationId(), delivery.body(), delivery.attempts() + 1,
                        result.statusCode() != null ? "HTTP " + result.statusCode() : result.error());
            }
        }
    }

    private Counter attempts(String body, String outcome) {
        return Counter.builder("bothy.webhook.attempts")
                .description("webhook delivery attempts by statutory body and outcome")
                .tag("body", body)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Asks for a round now (after a new delivery was committed); nudges while one is waiting to run are one round. */
    public void nudge() {
        ScheduledExecutorService current = scheduler;
        if (current != null && nudged.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    nudged.set(false);
                    safely();
                });
            } catch (RejectedExecutionException stopping) {
                nudged.set(false); // shutting down: the rows wait for the next start
            }
        }
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        bodies = Executors.newCachedThreadPool(runnable -> new Thread(runnable, "webhook-body-" + threads.incrementAndGet()));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "webhook-delivery"));
        long delay = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::safely, delay, delay, TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // A failed round (database away, say) leaves the rows as they were; the next round retries.
            log.warn("webhook delivery round failed: {}", e.toString());
        }
    }

    /**
     * Stops the rounds at once (a claim cut short is rolled back, or lapses as after a crash), then lets each body's
     * requests in flight finish within their timeout, so that their attempts are recorded and the deliveries are not
     * left claimed: cut short, a delivery would wait for its claim to lapse ({@code claim-for}) after the next start.
     */
    @Override
    public void stop() {
        ScheduledExecutorService rounds = scheduler;
        if (rounds != null) {
            PromptStop.now(rounds, "webhook-delivery", log);
            scheduler = null;
        }
        ExecutorService senders = bodies;
        if (senders != null) {
            PromptStop.after(settings.requestTimeout().plus(settings.connectTimeout()), senders, "webhook-body senders", log);
            bodies = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
