package org.bothy.escalation.candidate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.escalation.QuotedCounts;
import org.bothy.escalation.calendar.AnswerDeadlines;
import org.bothy.escalation.escalation.Escalation;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.SystemActor;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.privacy.DisclosureControl;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A place lead's decision on a candidate. Accepting marks the candidate and raises the escalation in one
 * transaction, so a candidate is never accepted without its escalation, nor escalated twice.
 */
@Service
public class CandidateDecisions {

    static final int MAX_REASON_LENGTH = 2000;

    private final CandidateStore candidates;
    private final CommandGateway commands;
    private final AnswerDeadlines deadlines;
    private final Codes codes;
    private final DisclosureControl disclosure;
    private final Clock clock;

    public CandidateDecisions(CandidateStore candidates, CommandGateway commands, AnswerDeadlines deadlines, Codes codes,
                              DisclosureControl disclosure, Clock clock) {
        this.candidates = candidates;
        this.disclosure = disclosure;
        this.codes = codes;
        this.commands = commands;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Accepts an open candidate and returns the id of the escalation raised. */
    @Transactional
    public UUID accept(UUID candidateId, AcceptCandidate request) {
        Instant now = clock.instant();
        String question = request == null ? null : request.question();
        LocalDate dueBy = validate(question, request == null ? null : request.dueBy(), now);
        UUID escalationId = UUID.randomUUID();
        Candidate candidate = candidates.accept(candidateId, escalationId, now)
                .orElseThrow(() -> notOpen(candidateId));
        // an exception from here on rolls the acceptance back with the transaction
        String body = body(candidate, request.body());
        String systemActor = candidate.systemActor() != null ? candidate.systemActor() : actorOf(body);
        commands.sendAndWait(new RaiseEscalation(escalationId.toString(), candidateId.toString(),
                candidate.patternKey(), body, candidate.theme(), systemActor,
                candidate.people(), candidate.peopleShown(), candidate.organisations(), question.strip(), dueBy, now));
        return escalationId;
    }

    /** Dismisses an open candidate with the place lead's reason. */
    @Transactional
    public void dismiss(UUID candidateId, DismissCandidate request) {
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "is required: say why this pattern does not go to the body now");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidField("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        candidates.dismiss(candidateId, reason.strip(), clock.instant()).orElseThrow(() -> notOpen(candidateId));
    }

    /** The body the place lead named, if any, else the candidate's; a candidate without one needs it named. */
    private String body(Candidate candidate, String named) {
        if (named == null || named.isBlank()) {
            if (candidate.body() == null) {
                throw new InvalidField("body", "is required: the issue names no system actor, so name the statutory body to ask");
            }
            return candidate.body();
        }
        try {
            return codes.statutoryBody(named.strip()).code();
        } catch (UnknownCodeException e) {
            throw new InvalidField("body", "is not a statutory body of the code list");
        }
    }

    /** For an issue that names no system actor: the body's first system actor in the code list, as the escalation's. */
    private String actorOf(String body) {
        return codes.systemActors().stream()
                .filter(actor -> actor.responsibleBody().equals(body))
                .map(SystemActor::code)
                .findFirst()
                .orElseThrow(() -> new InvalidField("body", "no system actor of the code list answers to it"));
    }

    private LocalDate validate(String question, String dueBy, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (question == null || question.isBlank()) {
            problems.add(new FieldProblem("question", "is required: what should the body answer?"));
        } else if (question.length() > Escalation.MAX_QUESTION_LENGTH) {
            problems.add(new FieldProblem("question", "must be at most " + Escalation.MAX_QUESTION_LENGTH + " characters"));
        } else {
            QuotedCounts.problem(question, disclosure).ifPresent(why -> problems.add(new FieldProblem("question", why)));
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // the default: so many working days on the consortium's calendar (20 unless configured)
        LocalDate due = deadlines.defaultDueBy(now);
        if (dueBy != null) {
            try {
                due = LocalDate.parse(dueBy);
                if (!due.isAfter(today)) {
                    problems.add(new FieldProblem("dueBy", "must be after today (" + today + ")"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("dueBy", "must be a date as YYYY-MM-DD"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return due;
    }

    private RuntimeException notOpen(UUID candidateId) {
        return candidates.find(candidateId)
                .<RuntimeException>map(found -> new Conflict("candidate " + candidateId + " is already "
                        + found.status().name().toLowerCase() + "; only an open candidate can be decided"))
                .orElseGet(() -> new NotFound("no candidate " + candidateId));
    }
}
