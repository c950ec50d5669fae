package org.bothy.escalation.feeds.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery to its body's endpoint as Standard Webhooks says: the structured CloudEvent, with
 * {@code webhook-id}, a fresh {@code webhook-timestamp} and a {@code webhook-signature} over both and
 * the body. Never throws: a failure is an {@link AttemptResult} with the error.
 */
@Component
public class WebhookSender {

    private final WebhookEndpoints endpoints;
    private final DeliverySettings settings;
    private final Clock clock;
    private final HttpClient http;

    public WebhookSender(WebhookEndpoints endpoints, DeliverySettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public AttemptResult send(PendingDelivery delivery) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        var endpoint = endpoints.forBody(delivery.body());
        if (endpoint.isEmpty()) {
            return new AttemptResult(started, null, "no webhook-url and webhook-secret configured for body "
                    + delivery.body(), Duration.ZERO);
        }
        try {
            long timestamp = started.getEpochSecond();
            String signature = WebhookSignature.sign(endpoint.get().webhookSecret(), delivery.webhookId(), timestamp,
                    delivery.payload());
            HttpRequest request = HttpRequest.newBuilder(endpoint.get().webhookUrl())
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", ContractCodec.STRUCTURED_JSON)
                    .header(WebhookSignature.WEBHOOK_ID, delivery.webhookId())
                    .header(WebhookSignature.WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.WEBHOOK_SIGNATURE, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new AttemptResult(started, response.statusCode(), null, since(startedNanos));
        } catch (IOException | IllegalArgumentException e) {
            return new AttemptResult(started, null, describe(e), since(startedNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptResult(started, null, "interrupted", since(startedNanos));
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The exception and the first message found down its causes: the JDK's ConnectException often has none itself. */
    private static String describe(Exception e) {
        String message = null;
        for (Throwable cause = e; cause != null && message == null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
