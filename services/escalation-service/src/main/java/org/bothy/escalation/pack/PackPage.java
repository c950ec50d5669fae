package org.bothy.escalation.pack;

import static org.bothy.escalation.pack.Html.escape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * The evidence pack as one self-contained, printable page (well-formed XHTML, so that the PDF renderer reads the same
 * markup): styles inline and allowed by their hash, the chart as inline SVG, nothing fetched from anywhere.
 */
final class PackPage {

    /** The page's only style sheet; A4 when printed, sections kept whole across pages. */
    static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1d2a33; margin: 2em auto; max-width: 52em; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.15em; border-bottom: 2px solid #2f6f8f; padding-bottom: 0.15em; margin-top: 1.6em; }
            .lede { font-size: 1.05em; }
            .muted { color: #5b6770; }
            .figures { width: 100%; border-collapse: collapse; }
            .figures th, .figures td { text-align: left; border-bottom: 1px solid #c9d3da; padding: 0.3em 0.5em; vertical-align: top; }
            .question { border-left: 4px solid #2f6f8f; padding: 0.4em 0.9em; background: #eef4f7; }
            section { page-break-inside: avoid; }
            ol.history li { margin-bottom: 0.35em; }
            footer { margin-top: 2em; font-size: 0.85em; color: #5b6770; }
            @page { size: A4; margin: 18mm 16mm; }
            @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
            """;

    /** Only this page's own style; no script, no fetch, not framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; img-src data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private PackPage() {
    }

    /** The page; {@code withChart} false leaves out the SVG (the PDF renderer draws no SVG) and keeps the table. */
    static String render(EvidencePack pack, boolean withChart) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head>")
                .append("<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Evidence pack: ").append(escape(pack.pattern().themeLabel())).append(" — ")
                .append(escape(pack.pattern().systemActorLabel())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
        html.append("<header><p class=\"muted\">Bothy evidence pack for ").append(escape(pack.body().label()))
                .append("</p><h1 id=\"pattern\">").append(escape(pack.pattern().themeLabel())).append(" caused by ")
                .append(escape(pack.pattern().systemActorLabel())).append("</h1><p class=\"lede\">Pattern <code>")
                .append(escape(pack.pattern().key())).append("</code>: people supported by the consortium met this barrier,"
                        + " and the partners who walk with them see its cause with ")
                .append(escape(pack.pattern().systemActorLabel())).append(".</p></header>");

        html.append("<section id=\"asked\"><h2>What we ask</h2><p class=\"question\" id=\"question\">")
                .append(escape(pack.question())).append("</p><p>Asked of <strong>").append(escape(pack.body().label()))
                .append("</strong> on ").append(WHEN.format(pack.raisedAt())).append("; an answer is due by <strong>")
                .append(DAY.format(pack.dueBy())).append("</strong>. Status now: <span id=\"status\">")
                .append(escape(pack.status())).append("</span>.</p></section>");

        html.append("<section id=\"evidence\"><h2>The evidence</h2><table class=\"figures\" id=\"counts\"><tbody>")
                .append("<tr><th scope=\"row\">People who met this barrier when it was raised</th><td class=\"people\">")
                .append(escape(pack.people())).append("</td></tr><tr><th scope=\"row\">Partner organisations that saw it</th>"
                        + "<td class=\"organisations\">").append(pack.organisations()).append("</td></tr></tbody></table>");
        html.append("<h3>The trend</h3>");
        if (withChart) {
            html.append(PackChart.svg(pack.trend()));
        }
        if (!pack.trend().isEmpty()) {
            html.append("<table class=\"figures\" id=\"trend\"><thead><tr><th>Window</th><th>People</th>"
                    + "<th>Organisations</th></tr></thead><tbody>");
            for (EvidencePack.TrendPoint point : pack.trend()) {
                html.append("<tr data-days=\"").append(point.days()).append("\"><td>Last ").append(point.days())
                        .append(" days</td><td>").append(escape(point.people())).append("</td><td>")
                        .append(point.organisations()).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<p class=\"muted\" id=\"disclosure\">").append(escape(pack.disclosureNote())).append("</p></section>");

        html.append("<section id=\"issue-log\"><h2>From the partners' issue logs</h2>");
        if (pack.issueLog().isEmpty()) {
            html.append("<p class=\"muted\">No partner has published an issue-log entry about this pattern.</p>");
        } else {
            html.append("<table class=\"figures\"><thead><tr><th>Issue</th><th>Level</th><th>Owner</th><th>Status</th>"
                    + "<th>Countermeasure (now)</th><th>System change (new normal)</th></tr></thead><tbody>");
            for (EvidencePack.IssueEntry issue : pack.issueLog()) {
                html.append("<tr class=\"issue\"><td>").append(escape(issue.description())).append("<br/><span class=\"muted\">")
                        .append(escape(issue.organisation())).append("</span></td><td>").append(issue.level())
                        .append("</td><td>").append(escape(issue.owner())).append("</td><td>").append(escape(issue.status()))
                        .append("</td><td>").append(escape(issue.countermeasure())).append("</td><td>")
                        .append(escape(issue.systemChange())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");

        html.append("<section id=\"learning\"><h2>What partners have learnt</h2>");
        if (pack.learningSummaries().isEmpty()) {
            html.append("<p class=\"muted\">No learning summary about this theme has been shared yet.</p>");
        } else {
            html.append("<ul>");
            for (EvidencePack.LearningSummary learning : pack.learningSummaries()) {
                html.append("<li class=\"learning\">").append(escape(learning.summary())).append(" <span class=\"muted\">(")
                        .append(escape(learning.organisation())).append(")</span></li>");
            }
            html.append("</ul>");
        }
        html.append("</section>");

        html.append("<section id=\"history\"><h2>The record so far</h2><ol class=\"history\">");
        for (EvidencePack.Step step : pack.history()) {
            html.append("<li data-kind=\"").append(escape(step.kind())).append("\"><strong>").append(WHEN.format(step.at()))
                    .append("</strong> — ").append(escape(step.text())).append("</li>");
        }
        html.append("</ol></section>");

        html.append("<footer>Escalation ").append(escape(pack.escalationId())).append(". Generated ")
                .append(WHEN.format(pack.generatedAt())).append(" by the consortium's escalation service. No person can be"
                        + " identified from this pack: it holds counts, codes and text written for sharing.</footer>");
        html.append("</body></html>");
        return html.toString();
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
