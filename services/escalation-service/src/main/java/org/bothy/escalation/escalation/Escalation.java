package org.bothy.escalation.escalation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.escalation.escalation.api.DeliveryAttemptFailed;
import org.bothy.escalation.escalation.api.EscalationDelivered;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.escalation.escalation.api.MarkDelivered;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.escalation.escalation.api.RecordDeliveryAttempt;

/**
 * An escalation to one statutory body: raised by a place lead's decision, then delivered.
 * Command handlers decide (and may refuse); sourcing handlers only evolve state.
 */
@Aggregate
public class Escalation {

    /** The longest question a body is asked; the contract allows more, the place lead should not need it. */
    public static final int MAX_QUESTION_LENGTH = 2000;

    @AggregateIdentifier
    private String escalationId;
    private int attempts;
    private boolean delivered;

    protected Escalation() {
        // for Axon to source the aggregate from its events
    }

    @CommandHandler
    public Escalation(RaiseEscalation command) {
        require(command.escalationId() != null && !command.escalationId().isBlank(), "escalationId is required");
        require(command.body() != null && !command.body().isBlank(), "body is required: an escalation goes to a named statutory body");
        require(command.question() != null && !command.question().isBlank(), "question is required: the body must know what it is asked");
        require(command.question().length() <= MAX_QUESTION_LENGTH, "question must be at most " + MAX_QUESTION_LENGTH + " characters");
        require(command.people() > 0 && command.organisations() > 0, "people and organisations must be positive: an escalation rests on evidence");
        require(command.raisedAt() != null, "raisedAt is required");
        require(command.dueBy() != null, "dueBy is required: an answer without a date is never late");
        LocalDate raisedOn = LocalDate.ofInstant(command.raisedAt(), ZoneOffset.UTC);
        require(command.dueBy().isAfter(raisedOn), "dueBy must be after the day the escalation is raised");
        apply(new EscalationRaised(command.escalationId(), command.candidateId(), command.patternKey(), command.body(),
                command.theme(), command.systemActor(), command.people(), command.organisations(),
                command.question(), command.dueBy(), command.raisedAt()));
    }

    @CommandHandler
    public void handle(RecordDeliveryAttempt command) {
        if (delivered) {
            throw new IllegalStateException("escalation " + escalationId + " is already delivered; no further attempts are made");
        }
        requireNextAttempt(command.attempt());
        require(command.statusCode() != null || command.error() != null, "a failed attempt names its status code or its error");
        require(command.statusCode() == null || !isSuccess(command.statusCode()),
                "a 2xx status is an acknowledgement: mark the escalation delivered instead");
        apply(new DeliveryAttemptFailed(escalationId, command.attempt(), command.attemptedAt(), command.statusCode(),
                command.error(), command.durationMillis()));
    }

    @CommandHandler
    public void handle(MarkDelivered command) {
        if (delivered) {
            return; // an acknowledgement seen twice changes nothing
        }
        requireNextAttempt(command.attempt());
        require(isSuccess(command.statusCode()), "only a 2xx status acknowledges delivery, not " + command.statusCode());
        apply(new EscalationDelivered(escalationId, command.attempt(), command.deliveredAt(), command.statusCode(),
                command.durationMillis()));
    }

    @EventSourcingHandler
    void on(EscalationRaised event) {
        this.escalationId = event.escalationId();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptFailed event) {
        this.attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(EscalationDelivered event) {
        this.attempts = event.attempt();
        this.delivered = true;
    }

    private void requireNextAttempt(int attempt) {
        require(attempt == attempts + 1, "attempt " + attempt + " is out of order: attempt " + (attempts + 1) + " is next");
    }

    private static boolean isSuccess(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
