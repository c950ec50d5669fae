package org.bothy.escalation.feeds;

import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bothy.escalation.escalation.api.EvidenceAdded;
import org.bothy.kernel.privacy.DisclosureControl;
import org.axonframework.eventhandling.EventMessage;
import org.bothy.escalation.escalation.api.ChangeReported;
import org.bothy.escalation.escalation.api.EscalationAcknowledged;
import org.bothy.escalation.escalation.api.EscalationClosed;
import org.bothy.escalation.escalation.api.EscalationOverdue;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.escalation.escalation.api.EscalationReEscalated;
import org.bothy.escalation.escalation.api.EscalationReminded;
import org.bothy.escalation.escalation.api.EscalationResponded;
import org.bothy.escalation.feeds.webhook.WebhookOutbox;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.Contracts;
import org.bothy.kernel.contract.escalation.StatutoryEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Translates each step of an escalation into its statutory contract and appends it to the body's feed
 * ({@code statutory_feed}), in the transaction of the event: what the pull feed serves, the Kafka feed publishes
 * and the webhook delivers (queued here too), so the three carry the same events. The contract id is the private
 * event's id, so a replay appends nothing twice.
 */
@Component
@ProcessingGroup(FeedOutbox.GROUP)
public class FeedOutbox {

    /** The processing group, run subscribing: see {@code EscalationConfiguration}. */
    public static final String GROUP = "statutory-feed";

    private final ContractCodec codec = ContractCodec.standard();
    private final JdbcClient jdbc;
    private final WebhookOutbox webhooks;
    private final DisclosureControl disclosure;

    public FeedOutbox(JdbcClient jdbc, WebhookOutbox webhooks, DisclosureControl disclosure) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.disclosure = disclosure;
    }

    @EventHandler
    void on(EvidenceAdded event, EventMessage<?> message) {
        // a count of people leaves the consortium only after disclosure control, never plainer than the place showed it
        append(event.body(), new org.bothy.kernel.contract.escalation.EvidenceAdded(message.getIdentifier(),
                event.addedAt(), event.escalationId(), event.body(), disclosure.show(event.people(), event.peopleShown()),
                event.organisations(), event.countedAt()));
    }

    @EventHandler
    void on(EscalationRaised event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.EscalationRaised(message.getIdentifier(),
                event.raisedAt(), event.escalationId(), event.body(), event.theme(), event.systemActor(),
                disclosure.show(event.people(), event.peopleShown()), event.organisations(), event.question(), event.dueBy()));
    }

    @EventHandler
    void on(EscalationAcknowledged event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.EscalationAcknowledged(message.getIdentifier(),
                event.acknowledgedAt(), event.escalationId(), event.body()));
    }

    @EventHandler
    void on(EscalationResponded event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.EscalationResponded(message.getIdentifier(),
                event.respondedAt(), event.escalationId(), event.body(), event.kind().name(), event.change(),
                event.commitBy(), event.reasons(), event.request(), event.late()));
    }

    @EventHandler
    void on(ChangeReported event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.ChangeReported(message.getIdentifier(),
                event.reportedAt(), event.escalationId(), event.body(), event.description(), event.madeOn(),
                event.keptCommitment()));
    }

    @EventHandler
    void on(EscalationOverdue event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.EscalationOverdue(message.getIdentifier(),
                event.overdueAt(), event.escalationId(), event.body(), event.dueBy(), 0));
    }

    @EventHandler
    void on(EscalationReminded event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.EscalationOverdue(message.getIdentifier(),
                event.remindedAt(), event.escalationId(), event.body(), event.dueBy(), event.reminder()));
    }

    @EventHandler
    void on(EscalationClosed event, EventMessage<?> message) {
        append(event.body(), new org.bothy.kernel.contract.escalation.EscalationClosed(message.getIdentifier(),
                event.closedAt(), event.escalationId(), event.body(), event.verdict().name(), event.note(), null));
    }

    @EventHandler
    void on(EscalationReEscalated event, EventMessage<?> message) {
        append(event.fromBody(), new org.bothy.kernel.contract.escalation.EscalationClosed(message.getIdentifier(),
                event.at(), event.escalationId(), event.fromBody(), "RE_ESCALATED", event.reason(), event.newEscalationId()));
    }

    private void append(String body, StatutoryEvent contract) {
        UUID escalationId = UUID.fromString(contract.subject());
        String ceType = Contracts.current(contract.getClass()).ceType();
        byte[] payload = codec.toStructuredJson(WebhookOutbox.SOURCE, contract);
        // nothing comes back on a replay (the event is already in the feed): then it is already queued for the webhook
        jdbc.sql("insert into statutory_feed (body, escalation_id, event_id, ce_type, payload, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing returning position")
                .params(body, escalationId, contract.eventId(), ceType, payload, Timestamp.from(contract.occurredAt()))
                .query(Long.class).optional()
                .ifPresent(position -> webhooks.enqueue(body, escalationId, contract.eventId(), ceType, payload,
                        contract.occurredAt(), position));
    }
}
