package org.bothy.escalation.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of an escalation so far, as sentences a statutory body and a place lead can read, oldest first: every
 * step of the lifecycle from the escalation's history, and the delivery attempts that were not acknowledged.
 */
@Repository
public class PackHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Codes codes;
    private final DisclosureControl disclosure;

    public PackHistory(JdbcClient jdbc, Codes codes, DisclosureControl disclosure) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.disclosure = disclosure;
    }

    /** The steps of {@code escalationId}, sent to {@code body}. */
    public List<EvidencePack.Step> of(UUID escalationId, String body) {
        List<EvidencePack.Step> steps = new ArrayList<>(jdbc.sql("select occurred_at, kind, detail from escalation_history"
                        + " where escalation_id = ? order by position")
                .param(escalationId)
                .query((row, n) -> new EvidencePack.Step(row.getTimestamp("occurred_at").toInstant(), row.getString("kind"),
                        sentence(row.getString("kind"), read(row.getString("detail")), body)))
                .list());
        steps.addAll(jdbc.sql("select attempt, attempted_at, status_code from delivery_attempt where escalation_id = ?"
                        + " and outcome = 'FAILED' order by attempt")
                .param(escalationId)
                .query((row, n) -> {
                    Integer status = (Integer) row.getObject("status_code");
                    return new EvidencePack.Step(row.getTimestamp("attempted_at").toInstant(), "DELIVERY_FAILED",
                            "Delivery attempt " + row.getInt("attempt") + " was not acknowledged ("
                                    + (status == null ? "no answer" : "HTTP " + status) + "); it was retried.");
                })
                .list());
        // Stable: steps at the same instant keep the order the history recorded them in.
        steps.sort(Comparator.comparing(EvidencePack.Step::at));
        return steps;
    }

    private String sentence(String kind, JsonNode detail, String escalatedTo) {
        String body = bodyLabel(detail.path("body").asText(escalatedTo));
        return switch (kind) {
            case "RAISED" -> "The place leads put this pattern to " + body + " and asked for an answer by "
                    + detail.path("dueBy").asText() + ".";
            case "DELIVERED" -> "Delivered: the endpoint of " + body + " acknowledged receipt.";
            case "ACKNOWLEDGED" -> body + " acknowledged the escalation.";
            case "RESPONDED_COMMITTED" -> body + " committed to a change by " + detail.path("commitBy").asText() + ": "
                    + detail.path("change").asText() + lateness(detail);
            case "RESPONDED_DECLINED" -> body + " declined: " + detail.path("reasons").asText() + lateness(detail);
            case "RESPONDED_MORE_INFORMATION_REQUESTED" -> body + " asked for more information: "
                    + detail.path("request").asText() + lateness(detail);
            case "CHANGE_REPORTED" -> body + " reported a change made on " + detail.path("madeOn").asText() + ": "
                    + detail.path("description").asText() + (detail.path("keptCommitment").asBoolean()
                    ? " (on or before the date it committed to)." : " (after the date it committed to).");
            case "OVERDUE" -> "No answer by " + detail.path("dueBy").asText() + ": the escalation is overdue.";
            case "REMINDED" -> body + " was reminded of the overdue answer (reminder " + detail.path("reminder").asInt() + ").";
            case "EVIDENCE_ADDED" -> "Later evidence joined the escalation: " + disclosure.show(detail.path("people").asInt(), detail.path("peopleShown").asText(null))
                    + " people across " + detail.path("organisations").asInt() + " partner organisations.";
            case "CLOSED" -> "The place leads closed the escalation: " + verdict(detail.path("verdict").asText()) + ".";
            case "RE_ESCALATED" -> "The place leads took the pattern from " + bodyLabel(detail.path("fromBody").asText(null))
                    + " to " + bodyLabel(detail.path("toBody").asText(null)) + ": " + detail.path("reason").asText();
            default -> kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
        };
    }

    private String bodyLabel(String code) {
        if (code == null) {
            return "The body";
        }
        try {
            return codes.statutoryBody(code).label();
        } catch (RuntimeException unknown) {
            return code; // a body since removed from the code list is still named
        }
    }

    private static String lateness(JsonNode detail) {
        return detail.path("late").asBoolean() ? " (after the answer was due)." : ".";
    }

    private static String verdict(String verdict) {
        return switch (verdict) {
            case "PATTERN_FELL" -> "the pattern fell";
            case "PATTERN_PERSISTS" -> "the pattern persists";
            case "TOO_EARLY_TO_TELL" -> "too early to tell";
            default -> verdict;
        };
    }

    private static JsonNode read(String detail) {
        try {
            return JSON.readTree(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable detail in an escalation's history", e);
        }
    }
}
