package org.bothy.escalation.escalation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.escalation.calendar.AnswerDeadlines;
import org.bothy.escalation.escalation.api.AcknowledgeEscalation;
import org.bothy.escalation.escalation.api.AddEvidence;
import org.bothy.escalation.escalation.api.EvidenceAdded;
import org.bothy.escalation.escalation.api.AnswerDue;
import org.bothy.escalation.escalation.api.ChangeReported;
import org.bothy.escalation.escalation.api.CloseEscalation;
import org.bothy.escalation.escalation.api.DeliveryAttemptFailed;
import org.bothy.escalation.escalation.api.EscalationAcknowledged;
import org.bothy.escalation.escalation.api.EscalationClosed;
import org.bothy.escalation.escalation.api.EscalationDelivered;
import org.bothy.escalation.escalation.api.EscalationOverdue;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.escalation.escalation.api.EscalationReEscalated;
import org.bothy.escalation.escalation.api.EscalationReminded;
import org.bothy.escalation.escalation.api.EscalationResponded;
import org.bothy.escalation.escalation.api.MarkDelivered;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.escalation.escalation.api.ReEscalate;
import org.bothy.escalation.escalation.api.RecordDeliveryAttempt;
import org.bothy.escalation.escalation.api.ReportChange;
import org.bothy.escalation.escalation.api.RespondToEscalation;
import org.bothy.escalation.escalation.api.ResponseKind;

/**
 * An escalation to one statutory body: raised by a place lead's decision, delivered, acknowledged and answered
 * by the body (commit, decline, ask for more), changes reported, and closed with the place's verdict. The due
 * date is a durable deadline: unanswered, it turns overdue and reminders follow until the body answers, the
 * place closes it or takes it to another body. Command and deadline handlers decide (and may refuse);
 * sourcing handlers only evolve state.
 */
@Aggregate
public class Escalation {

    /** The longest question a body is asked; the contract allows more, the place lead should not need it. */
    public static final int MAX_QUESTION_LENGTH = 2000;
    /** The longest free text in an answer, a change report or a verdict note. */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** The deadline that fires when the due date has passed. */
    static final String ANSWER_DUE = "answer-due";
    /** The deadline of each reminder after that. */
    static final String REMINDER = "answer-reminder";

    @AggregateIdentifier
    private String escalationId;
    private String body;
    private LocalDate dueBy;
    private int attempts;
    private boolean delivered;
    private boolean acknowledged;
    private ResponseKind response;
    private LocalDate commitBy;
    private boolean overdue;
    private int reminders;
    private boolean ended;

    protected Escalation() {
        // for Axon to source the aggregate from its events
    }

    @CommandHandler
    public Escalation(RaiseEscalation command, DeadlineManager deadlines, AnswerDeadlines policy) {
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
                command.theme(), command.systemActor(), command.people(), command.peopleShown(), command.organisations(),
                command.question(), command.dueBy(), command.raisedAt()));
        var dueAt = policy.overdueAt(command.dueBy());
        deadlines.schedule(dueAt, ANSWER_DUE, new AnswerDue(command.escalationId(), dueAt));
    }

    @CommandHandler
    public void handle(RecordDeliveryAttempt command) {
        if (delivered) {
            throw new IllegalStateException("escalation " + escalationId + " is already delivered; no further attempts are made");
        }
        if (command.attempt() <= attempts) {
            return; // an attempt seen twice (the sender retried after a crash) changes nothing
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

    @CommandHandler
    public void handle(AcknowledgeEscalation command) {
        requireOwnBody(command.body());
        requireOpen();
        if (acknowledged) {
            return; // acknowledging twice says nothing new
        }
        apply(new EscalationAcknowledged(escalationId, body, command.at()));
    }

    @CommandHandler
    public void handle(RespondToEscalation command, DeadlineManager deadlines) {
        requireOwnBody(command.body());
        requireOpen();
        require(command.kind() != null, "kind is required: COMMITTED, DECLINED or MORE_INFORMATION_REQUESTED");
        if (response == ResponseKind.COMMITTED || response == ResponseKind.DECLINED) {
            throw new IllegalStateException("escalation " + escalationId + " is already answered (" + response
                    + "); report a change made instead");
        }
        switch (command.kind()) {
            case COMMITTED -> {
                requireText(command.change(), "change", "say what will change");
                require(command.commitBy() != null, "commitBy is required: a commitment has a date");
                require(!command.commitBy().isBefore(LocalDate.ofInstant(command.at(), ZoneOffset.UTC)),
                        "commitBy must not be in the past");
            }
            case DECLINED -> requireText(command.reasons(), "reasons", "say why the body will not act");
            case MORE_INFORMATION_REQUESTED -> requireText(command.request(), "request", "say what more is needed");
        }
        boolean late = overdue || LocalDate.ofInstant(command.at(), ZoneOffset.UTC).isAfter(dueBy);
        apply(new EscalationResponded(escalationId, body, command.kind(),
                command.kind() == ResponseKind.COMMITTED ? command.change().strip() : null,
                command.kind() == ResponseKind.COMMITTED ? command.commitBy() : null,
                command.kind() == ResponseKind.DECLINED ? command.reasons().strip() : null,
                command.kind() == ResponseKind.MORE_INFORMATION_REQUESTED ? command.request().strip() : null,
                command.at(), late));
        stopChasing(deadlines);
    }

    @CommandHandler
    public void handle(ReportChange command) {
        requireOwnBody(command.body());
        requireOpen();
        if (response != ResponseKind.COMMITTED) {
            throw new IllegalStateException("escalation " + escalationId + " has no commitment to report a change against");
        }
        requireText(command.description(), "description", "say what changed");
        require(command.madeOn() != null, "madeOn is required: the day the change took effect");
        apply(new ChangeReported(escalationId, body, command.description().strip(), command.madeOn(), command.at(),
                !command.madeOn().isAfter(commitBy)));
    }

    @CommandHandler
    public void handle(CloseEscalation command, DeadlineManager deadlines) {
        requireOpen();
        require(command.verdict() != null, "verdict is required: did the pattern fall?");
        require(command.note() == null || command.note().length() <= MAX_TEXT_LENGTH,
                "note must be at most " + MAX_TEXT_LENGTH + " characters");
        apply(new EscalationClosed(escalationId, body, command.verdict(),
                command.note() == null ? null : command.note().strip(), command.at()));
        stopChasing(deadlines);
    }

    @CommandHandler
    public void handle(ReEscalate command, DeadlineManager deadlines) {
        requireOpen();
        require(command.toBody() != null && !command.toBody().isBlank(), "toBody is required");
        require(!command.toBody().equals(body), "the escalation is already with " + body);
        requireText(command.reason(), "reason", "say why another body should answer");
        apply(new EscalationReEscalated(escalationId, body, command.toBody(), command.newEscalationId(),
                command.reason().strip(), command.at()));
        stopChasing(deadlines);
    }

    @DeadlineHandler(deadlineName = ANSWER_DUE)
    void answerDue(AnswerDue due, DeadlineManager deadlines, AnswerDeadlines policy) {
        if (!awaitingAnswer() || overdue) {
            return; // answered, closed or moved since the deadline was set
        }
        apply(new EscalationOverdue(escalationId, body, dueBy, due.at()));
        var next = policy.nextReminderAt(due.at());
        deadlines.schedule(next, REMINDER, new AnswerDue(escalationId, next));
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(AnswerDue due, DeadlineManager deadlines, AnswerDeadlines policy) {
        if (!awaitingAnswer()) {
            return;
        }
        apply(new EscalationReminded(escalationId, body, reminders + 1, dueBy, due.at()));
        var next = policy.nextReminderAt(due.at());
        deadlines.schedule(next, REMINDER, new AnswerDue(escalationId, next));
    }

    /** Later evidence for the pattern joins the record while the escalation is open (raised up to answered, not closed). */
    @CommandHandler
    public void handle(AddEvidence command) {
        requireOpen();
        require(command.people() >= 0 && command.organisations() >= 0, "counts are never negative");
        require(command.countedAt() != null && command.addedAt() != null, "countedAt and addedAt are required");
        apply(new EvidenceAdded(escalationId, body, command.signalEventId(), command.people(), command.peopleShown(),
                command.organisations(),
                command.countedAt(), command.addedAt()));
    }

    @EventSourcingHandler
    void on(EscalationRaised event) {
        this.escalationId = event.escalationId();
        this.body = event.body();
        this.dueBy = event.dueBy();
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

    @EventSourcingHandler
    void on(EscalationAcknowledged event) {
        this.acknowledged = true;
    }

    @EventSourcingHandler
    void on(EscalationResponded event) {
        this.acknowledged = true;
        this.response = event.kind();
        this.commitBy = event.commitBy();
    }

    @EventSourcingHandler
    void on(EscalationOverdue event) {
        this.overdue = true;
    }

    @EventSourcingHandler
    void on(EscalationReminded event) {
        this.reminders = event.reminder();
    }

    @EventSourcingHandler
    void on(EscalationClosed event) {
        this.ended = true;
    }

    @EventSourcingHandler
    void on(EscalationReEscalated event) {
        this.ended = true;
    }

    private boolean awaitingAnswer() {
        return response == null && !ended;
    }

    private static void stopChasing(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(ANSWER_DUE);
        deadlines.cancelAllWithinScope(REMINDER);
    }

    private void requireOwnBody(String caller) {
        require(body.equals(caller), "escalation " + escalationId + " is not addressed to " + caller);
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("escalation " + escalationId + " is closed or moved to another body");
        }
    }

    private static void requireText(String text, String field, String why) {
        require(text != null && !text.isBlank(), field + " is required: " + why);
        require(text.length() <= MAX_TEXT_LENGTH, field + " must be at most " + MAX_TEXT_LENGTH + " characters");
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
