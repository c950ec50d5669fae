package org.bothy.escalation.response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bothy.escalation.escalation.EscalationQueries;
import org.bothy.escalation.escalation.EscalationSummary;
import org.bothy.escalation.escalation.api.AcknowledgeEscalation;
import org.bothy.escalation.escalation.api.ReportChange;
import org.bothy.escalation.escalation.api.RespondToEscalation;
import org.bothy.escalation.escalation.api.ResponseKind;
import org.bothy.kernel.privacy.DisclosureControl;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Service;

/**
 * What a statutory body says about an escalation addressed to it: each acknowledgement, answer and change report
 * becomes an event on the escalation, and so part of the record the place leads follow.
 */
@Service
public class StatutoryResponses {

    private final Commands commands;
    private final EscalationQueries queries;
    private final DisclosureControl disclosure;
    private final Clock clock;

    public StatutoryResponses(Commands commands, EscalationQueries queries, DisclosureControl disclosure, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    /** The body's own escalations, newest first, as shown to it (counts of people after disclosure control only). */
    public List<EscalationSummary> escalations(String body) {
        return queries.forBody(body).stream().map(found -> found.asShownToItsBody(disclosure)).toList();
    }

    /**
     * The body's escalation as shown to it, or 404 if there is none addressed to that body (another body's is not
     * revealed).
     */
    public EscalationSummary ownEscalation(String body, UUID escalationId) {
        return queries.find(escalationId)
                .filter(found -> found.body().equals(body))
                .map(found -> found.asShownToItsBody(disclosure))
                .orElseThrow(() -> new NotFound("no escalation " + escalationId + " for " + body));
    }

    public EscalationSummary acknowledge(String body, UUID escalationId) {
        ownEscalation(body, escalationId);
        commands.send(new AcknowledgeEscalation(escalationId.toString(), body, clock.instant()),
                () -> "escalation " + escalationId);
        return ownEscalation(body, escalationId);
    }

    public EscalationSummary respond(String body, UUID escalationId, StatutoryAnswer answer) {
        List<FieldProblem> problems = new ArrayList<>();
        ResponseKind kind = null;
        LocalDate commitBy = null;
        if (answer == null || answer.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: COMMITTED, DECLINED or MORE_INFORMATION_REQUESTED"));
        } else {
            try {
                kind = ResponseKind.valueOf(answer.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "must be COMMITTED, DECLINED or MORE_INFORMATION_REQUESTED"));
            }
        }
        if (kind == ResponseKind.COMMITTED) {
            requireText(answer.change(), "change", "say what will change", problems);
            commitBy = date(answer.commitBy(), "commitBy", problems);
        } else if (kind == ResponseKind.DECLINED) {
            requireText(answer.reasons(), "reasons", "say why the body will not act", problems);
        } else if (kind == ResponseKind.MORE_INFORMATION_REQUESTED) {
            requireText(answer.request(), "request", "say what more is needed", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        ownEscalation(body, escalationId);
        commands.send(new RespondToEscalation(escalationId.toString(), body, kind, answer.change(), commitBy,
                answer.reasons(), answer.request(), clock.instant()), () -> "escalation " + escalationId);
        return ownEscalation(body, escalationId);
    }

    public EscalationSummary reportChange(String body, UUID escalationId, ChangeReport report) {
        List<FieldProblem> problems = new ArrayList<>();
        requireText(report == null ? null : report.description(), "description", "say what changed", problems);
        LocalDate madeOn = date(report == null ? null : report.madeOn(), "madeOn", problems);
        if (madeOn != null && madeOn.isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("madeOn", "must not be in the future: report a change once it is made"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        ownEscalation(body, escalationId);
        commands.send(new ReportChange(escalationId.toString(), body, report.description(), madeOn, clock.instant()),
                () -> "escalation " + escalationId);
        return ownEscalation(body, escalationId);
    }

    static void requireText(String text, String field, String why, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required: " + why));
        } else if (text.length() > org.bothy.escalation.escalation.Escalation.MAX_TEXT_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + org.bothy.escalation.escalation.Escalation.MAX_TEXT_LENGTH
                    + " characters"));
        }
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required, as YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }
}
