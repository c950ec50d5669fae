package org.bothy.escalation.feeds.webhook;

import java.util.List;
import java.util.Map;
import org.bothy.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A body's webhook delivery log ({@code GET /feeds/{body}/deliveries}) and redelivery on request
 * ({@code POST /feeds/{body}/deliveries/{webhookId}/redeliver}: the same webhook-id and bytes, sent again).
 */
@RestController
public class DeliveryLogController {

    private final DeliveryLog log;
    private final DeliveryLedger ledger;

    public DeliveryLogController(DeliveryLog log, DeliveryLedger ledger) {
        this.log = log;
        this.ledger = ledger;
    }

    @GetMapping("/feeds/{body}/deliveries")
    public List<DeliveryLog.Delivery> deliveries(@PathVariable String body) {
        return log.forBody(body);
    }

    @PostMapping("/feeds/{body}/deliveries/{webhookId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> redeliver(@PathVariable String body, @PathVariable String webhookId) {
        if (!ledger.redeliver(body, webhookId)) {
            throw new NotFound("no delivery " + webhookId + " for " + body);
        }
        return Map.of("webhookId", webhookId, "status", "PENDING");
    }
}
