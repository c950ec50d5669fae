package org.bothy.escalation.accountability;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * The accountability summary fit to publish: a self-contained page of each body's figures and of what it said and did.
 * It holds counts of escalations, dates, the bodies' own words and counts of people after disclosure control; no
 * person-level data and no partner's private notes.
 */
final class SummaryPage {

    static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1d2a33; margin: 2em auto; max-width: 60em; line-height: 1.45; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.15em; border-bottom: 2px solid #2f6f8f; margin-top: 1.6em; }
            table { width: 100%; border-collapse: collapse; }
            th, td { text-align: left; border-bottom: 1px solid #c9d3da; padding: 0.3em 0.5em; vertical-align: top; }
            td.number { text-align: right; }
            .muted { color: #5b6770; }
            @page { size: A4 landscape; margin: 15mm; }
            @media print { body { margin: 0; max-width: none; } }
            """;

    /** Only this page's own style: no script, nothing fetched. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private SummaryPage() {
    }

    static String render(Accountability accountability) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<title>How statutory bodies answered the consortium</title><style>").append(STYLE)
                .append("</style></head><body><h1>How statutory bodies answered the consortium</h1>")
                .append("<p>As of ").append(DAY.format(accountability.asOf())).append(". When the partners see a pattern"
                        + " of barriers caused by a statutory body, the place leads put it to that body with a question and a"
                        + " date for an answer. This is the record of how each body answered, and of what it said it would do"
                        + " and did.</p>");
        html.append("<h2>Each body's answers</h2><table id=\"bodies\"><thead><tr><th>Body</th><th>Escalations received</th>"
                + "<th>Median days to acknowledge</th><th>Median days to answer</th><th>Answered late</th>"
                + "<th>Overdue now</th><th>Declined</th><th>Commitments made</th><th>Kept</th><th>Not kept by the date</th>"
                + "<th>Still due</th></tr></thead><tbody>");
        for (Accountability.BodyFigures body : accountability.bodies()) {
            html.append("<tr data-body=\"").append(escape(body.body())).append("\"><th scope=\"row\">")
                    .append(escape(body.label())).append("</th>")
                    .append(number(body.received())).append(days(body.medianDaysToAcknowledge()))
                    .append(days(body.medianDaysToRespond())).append(number(body.answeredLate()))
                    .append(number(body.overdueNow())).append(number(body.declined())).append(number(body.commitmentsMade()))
                    .append(number(body.commitmentsKept())).append(number(body.commitmentsNotKept()))
                    .append(number(body.commitmentsDue())).append("</tr>");
        }
        if (accountability.bodies().isEmpty()) {
            html.append("<tr><td colspan=\"11\" class=\"muted\">No escalation has been raised yet.</td></tr>");
        }
        html.append("</tbody></table><p class=\"muted\">Days are counted from the day an escalation was raised to the"
                + " body's first acknowledgement or first answer; a median is the middle value.</p>");
        html.append("<h2>You said, we did</h2><table id=\"you-said-we-did\"><thead><tr><th>Body</th><th>Pattern</th>"
                + "<th>People</th><th>You said</th><th>By</th><th>We did</th><th>Kept?</th></tr></thead><tbody>");
        for (Accountability.Commitment commitment : accountability.youSaidWeDid()) {
            html.append("<tr data-escalation=\"").append(escape(commitment.escalationId())).append("\" data-state=\"")
                    .append(escape(commitment.state())).append("\"><td>").append(escape(commitment.bodyLabel()))
                    .append("</td><td>").append(escape(commitment.pattern())).append("</td><td class=\"number\">")
                    .append(escape(commitment.people())).append("</td><td>").append(escape(commitment.said()))
                    .append("</td><td>").append(DAY.format(commitment.by())).append("</td><td>")
                    .append(commitment.did() == null ? "<span class=\"muted\">Nothing reported yet</span>"
                            : escape(commitment.did()) + " <span class=\"muted\">(" + DAY.format(commitment.madeOn()) + ")</span>")
                    .append("</td><td>").append(stateText(commitment.state())).append("</td></tr>");
        }
        if (accountability.youSaidWeDid().isEmpty()) {
            html.append("<tr><td colspan=\"7\" class=\"muted\">No body has committed to a change yet.</td></tr>");
        }
        html.append("</tbody></table><p class=\"muted\" id=\"disclosure\">").append(escape(accountability.disclosureNote()))
                .append("</p></body></html>");
        return html.toString();
    }

    static String stateText(String state) {
        return switch (state) {
            case "KEPT" -> "Kept";
            case "LATE" -> "Done, after the date";
            case "PAST_DUE" -> "Date passed, nothing reported";
            default -> "Not yet due";
        };
    }

    private static String number(int value) {
        return "<td class=\"number\">" + value + "</td>";
    }

    private static String days(BigDecimal value) {
        return "<td class=\"number\">" + (value == null ? "—" : value.toPlainString()) + "</td>";
    }

    static String escape(Object text) {
        if (text == null) {
            return "";
        }
        return text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
