package org.bothy.escalation.feeds.webhook;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each statutory body receives escalations, and the secret deliveries are signed with:
 * {@code bothy.escalation.bodies.<body>.webhook-url} and {@code .webhook-secret} ({@code whsec_...}).
 */
@ConfigurationProperties("bothy.escalation")
public record WebhookEndpoints(Map<String, Endpoint> bodies) {

    public WebhookEndpoints {
        bodies = bodies == null ? Map.of() : Map.copyOf(bodies);
    }

    /** One body's endpoint. */
    public record Endpoint(URI webhookUrl, String webhookSecret) {
    }

    /** The body's endpoint, if one with both a URL and a secret is configured. */
    public Optional<Endpoint> forBody(String body) {
        return Optional.ofNullable(bodies.get(body))
                .filter(endpoint -> endpoint.webhookUrl() != null && endpoint.webhookSecret() != null
                        && !endpoint.webhookSecret().isBlank());
    }
}
