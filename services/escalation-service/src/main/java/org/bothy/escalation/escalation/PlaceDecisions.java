package org.bothy.escalation.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bothy.escalation.QuotedCounts;
import org.bothy.escalation.calendar.AnswerDeadlines;
import org.bothy.escalation.escalation.api.CloseEscalation;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.escalation.escalation.api.ReEscalate;
import org.bothy.escalation.escalation.api.Verdict;
import org.bothy.escalation.response.Commands;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.privacy.DisclosureControl;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What place leads decide about an escalation once raised: close it with their verdict, or take it to another body. */
@Service
public class PlaceDecisions {

    private final Commands commands;
    private final EscalationQueries queries;
    private final AnswerDeadlines deadlines;
    private final Codes codes;
    private final DisclosureControl disclosure;
    private final Clock clock;

    public PlaceDecisions(Commands commands, EscalationQueries queries, AnswerDeadlines deadlines, Codes codes,
                          DisclosureControl disclosure, Clock clock) {
        this.commands = commands;
        this.disclosure = disclosure;
        this.queries = queries;
        this.deadlines = deadlines;
        this.codes = codes;
        this.clock = clock;
    }

    /** Closes the escalation with the verdict: did the pattern fall? */
    public EscalationSummary close(UUID escalationId, CloseRequest request) {
        Verdict verdict = null;
        if (request == null || request.verdict() == null) {
            throw new InvalidField("verdict", "is required: PATTERN_FELL, PATTERN_PERSISTS or TOO_EARLY_TO_TELL");
        }
        try {
            verdict = Verdict.valueOf(request.verdict().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("verdict", "must be PATTERN_FELL, PATTERN_PERSISTS or TOO_EARLY_TO_TELL");
        }
        QuotedCounts.problem(request.note(), disclosure).ifPresent(why -> {
            throw new InvalidField("note", why);
        });
        existing(escalationId);
        commands.send(new CloseEscalation(escalationId.toString(), verdict, request.note(), clock.instant()),
                () -> "escalation " + escalationId);
        return existing(escalationId);
    }

    /**
     * Raises a new escalation of the same pattern and evidence to another body, and ends this one pointing at it,
     * in one transaction. Returns the new escalation's id.
     */
    @Transactional
    public UUID reEscalate(UUID escalationId, ReEscalationRequest request) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        String body = request == null ? null : request.body();
        if (body == null || body.isBlank()) {
            problems.add(new FieldProblem("body", "is required: the statutory body to ask instead"));
        } else {
            try {
                codes.statutoryBody(body);
            } catch (UnknownCodeException e) {
                problems.add(new FieldProblem("body", e.getMessage()));
            }
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is required: say why another body should answer"));
        } else {
            QuotedCounts.problem(request.reason(), disclosure).ifPresent(why -> problems.add(new FieldProblem("reason", why)));
        }
        if (request != null) {
            QuotedCounts.problem(request.question(), disclosure).ifPresent(why -> problems.add(new FieldProblem("question", why)));
        }
        LocalDate dueBy = deadlines.defaultDueBy(now);
        if (request != null && request.dueBy() != null) {
            try {
                dueBy = LocalDate.parse(request.dueBy());
                if (!dueBy.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                    problems.add(new FieldProblem("dueBy", "must be after today"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("dueBy", "must be a date as YYYY-MM-DD"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        EscalationSummary from = existing(escalationId);
        String question = request.question() == null || request.question().isBlank() ? from.question() : request.question().strip();
        UUID newId = UUID.randomUUID();
        commands.send(new RaiseEscalation(newId.toString(), from.candidateId(), from.patternKey(), body, from.theme(),
                from.systemActor(), from.people(), from.peopleShown(), from.organisations(), question, dueBy, now), () -> "escalation " + newId);
        commands.send(new ReEscalate(escalationId.toString(), body, newId.toString(), request.reason(), now),
                () -> "escalation " + escalationId);
        return newId;
    }

    private EscalationSummary existing(UUID escalationId) {
        return queries.find(escalationId).orElseThrow(() -> new NotFound("no escalation " + escalationId));
    }

    /** A place lead's verdict on closing ({@code PATTERN_FELL}, {@code PATTERN_PERSISTS}, {@code TOO_EARLY_TO_TELL}) and a note. */
    public record CloseRequest(String verdict, String note) {
    }

    /** Another body to ask, why, and optionally a new question and due date (default: the same question, 20 working days). */
    public record ReEscalationRequest(String body, String reason, String question, String dueBy) {
    }
}
