package org.bothy.escalation.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bothy.kernel.privacy.DisclosureControl;
import org.bothy.support.axon.AxonSerializers;

/**
 * An escalation as place leads read it: what was asked of whom, by when, how delivery went, what the body
 * answered and did, the place's verdict, and the history of it all in order. {@code people} is the fewest people the
 * evidence made sure of; {@code peopleShown} the count after disclosure control, as the body was shown it. A body
 * reads it only {@link #asShownToItsBody as shown to it}.
 */
public record EscalationSummary(
        UUID escalationId,
        String candidateId,
        String patternKey,
        String body,
        String theme,
        String systemActor,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer people,
        String peopleShown,
        int organisations,
        String question,
        LocalDate dueBy,
        String status,
        Instant raisedAt,
        Instant deliveredAt,
        Instant nextAttemptAt,
        Instant acknowledgedAt,
        Response response,
        Instant overdueAt,
        int reminders,
        Instant changeReportedAt,
        Boolean commitmentKept,
        Instant closedAt,
        String verdict,
        String verdictNote,
        UUID reEscalatedTo,
        UUID reEscalatedFrom,
        List<Attempt> attempts,
        List<HistoryEntry> history) {

    /**
     * The escalation as the statutory body it is addressed to may read it: no count of people but after disclosure
     * control, neither on the escalation ({@code people} left out) nor in the private events of its history.
     */
    public EscalationSummary asShownToItsBody(DisclosureControl disclosure) {
        return new EscalationSummary(escalationId, candidateId, patternKey, body, theme, systemActor, null, peopleShown,
                organisations, question, dueBy, status, raisedAt, deliveredAt, nextAttemptAt, acknowledgedAt, response,
                overdueAt, reminders, changeReportedAt, commitmentKept, closedAt, verdict, verdictNote, reEscalatedTo,
                reEscalatedFrom, attempts, history.stream().map(entry -> entry.asShown(disclosure)).toList());
    }

    /** One delivery attempt: when, what the endpoint answered (or the error), and how long it took. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis,
                          String outcome) {
    }

    /** The body's answer: a commitment (change by a date), reasons for declining, or what more it needs. */
    public record Response(String kind, Instant respondedAt, boolean late, String change, LocalDate commitBy,
                           String reasons, String request) {
    }

    /** One step of the record, in order: its kind, when, and the event's own fields. */
    public record HistoryEntry(String kind, Instant at, @JsonRawValue String detail) {

        /** The entry with any count of people in its detail replaced by {@code peopleShown} after disclosure control. */
        HistoryEntry asShown(DisclosureControl disclosure) {
            try {
                JsonNode node = DETAIL.readTree(detail);
                if (!(node instanceof ObjectNode event) || !event.has("people")) {
                    return this;
                }
                JsonNode published = event.path("peopleShown");
                event.put("peopleShown", disclosure.show(event.path("people").asLong(),
                        published.isTextual() ? published.asText() : null));
                event.remove("people");
                return new HistoryEntry(kind, at, DETAIL.writeValueAsString(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable history entry of escalation", e);
            }
        }
    }

    private static final ObjectMapper DETAIL = AxonSerializers.objectMapper();
}
