package org.bothy.escalation.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.escalation.escalation.api.AcknowledgeEscalation;
import org.bothy.escalation.escalation.api.RaiseEscalation;
import org.bothy.escalation.escalation.api.ReportChange;
import org.bothy.escalation.escalation.api.RespondToEscalation;
import org.bothy.escalation.escalation.api.ResponseKind;
import org.bothy.testsupport.HeadlessChromium;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accountability figures, JSON and pages, on escalations whose days were worked out by hand, and the place lead's
 * page in Debian's real headless Chromium: what the browser draws is checked against the figures.
 *
 * <p>NHS Lothian (raised so many days ago, through the aggregate, so the days are known): A1 acknowledged after 2 days,
 * committed after 10, change made before its date (kept); A2 acknowledged after 1, declined after 4; A3 never answered,
 * due two days ago (overdue now); A4 acknowledged after 6, committed after 7, date still to come. So: received 4,
 * acknowledged 3, median days to acknowledge of 1, 2, 6 = 2.0; answered 3, median of 4, 7, 10 = 7.0; overdue now 1;
 * declined 1; commitments made 2, kept 1, not kept 0, still due 1. DWP is escalated and answered through the APIs
 * today: received 1, median 0.0 days, commitment made and kept.
 */
class AccountabilityBrowserTest extends AccountabilityTestBase {

    private static final String NHS = "nhs-lothian";
    private static final String DWP = "dwp";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static boolean recorded;
    private static String dwpEscalation;

    @Autowired
    CommandGateway commands;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = HeadlessChromium.start(1280, 1000);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void recordOnce() throws Exception {
        if (recorded) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String a1 = raise(NHS, "mental-health", "mental-health-services", 3, now.minus(days(20)), today.plusDays(10));
        acknowledge(a1, NHS, now.minus(days(18)));
        commands.sendAndWait(new RespondToEscalation(a1, NHS, ResponseKind.COMMITTED, "Same-week triage for people"
                + " referred by a partner", today.minusDays(5), null, null, now.minus(days(10))));
        commands.sendAndWait(new ReportChange(a1, NHS, "Triage within five working days since October", today.minusDays(7),
                now.minus(days(7))));
        String a2 = raise(NHS, "physical-health", "gp", 7, now.minus(days(15)), today.plusDays(10));
        acknowledge(a2, NHS, now.minus(days(14)));
        commands.sendAndWait(new RespondToEscalation(a2, NHS, ResponseKind.DECLINED, null, null,
                "Registration rules are set nationally", null, now.minus(days(11))));
        raise(NHS, "substance-use", "gp", 6, now.minus(days(12)), today.minusDays(2));
        String a4 = raise(NHS, "mental-health", "gp", 12, now.minus(days(8)), today.plusDays(10));
        acknowledge(a4, NHS, now.minus(days(2)));
        commands.sendAndWait(new RespondToEscalation(a4, NHS, ResponseKind.COMMITTED, "A named GP practice contact for"
                + " each partner", today.plusDays(30), null, null, now.minus(days(1))));

        String dwp = escalate("welfare-benefits", "universal-credit", new int[] {5, 6, 9}, 3,
                "What will DWP change so that sanctions are not applied while a claimant is in hospital?");
        awaitDelivered(dwp);
        dwpEscalation = dwp;
        String own = "/statutory/" + DWP + "/escalations/" + dwp;
        assertThat(call("POST", own + "/acknowledge", TestIdentity.statutory(DWP), null).statusCode()).isEqualTo(200);
        assertThat(call("POST", own + "/responses", TestIdentity.statutory(DWP), JSON.createObjectNode()
                .put("kind", "COMMITTED").put("change", "Hospital stays pause sanctions in North Edinburgh")
                .put("commitBy", today.plusDays(14).toString()).toString()).statusCode()).isEqualTo(201);
        assertThat(call("POST", own + "/changes", TestIdentity.statutory(DWP), JSON.createObjectNode()
                .put("description", "Work coaches check for a hospital stay before any sanction")
                .put("madeOn", today.toString()).toString()).statusCode()).isEqualTo(201);
        // A3's deadline is durable and fires on its own; wait until it has, so the record is complete.
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from escalation_view where body = ? and overdue_at is not null")
                .param(NHS).query(Integer.class).single() == 1);
        recorded = true;
    }

    @Test
    void theFiguresAreTheOnesWorkedOutByHand() throws Exception {
        JsonNode nhs = body(figures(), NHS);
        assertThat(nhs.get("received").asInt()).isEqualTo(4);
        assertThat(nhs.get("acknowledged").asInt()).isEqualTo(3);
        assertThat(nhs.get("medianDaysToAcknowledge").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(nhs.get("responded").asInt()).isEqualTo(3);
        assertThat(nhs.get("medianDaysToRespond").decimalValue()).isEqualByComparingTo("7.0");
        assertThat(nhs.get("answeredLate").asInt()).isZero();
        assertThat(nhs.get("overdueNow").asInt()).isEqualTo(1);
        assertThat(nhs.get("declined").asInt()).isEqualTo(1);
        assertThat(nhs.get("commitmentsMade").asInt()).isEqualTo(2);
        assertThat(nhs.get("commitmentsKept").asInt()).isEqualTo(1);
        assertThat(nhs.get("commitmentsNotKept").asInt()).isZero();
        assertThat(nhs.get("commitmentsDue").asInt()).isEqualTo(1);

        JsonNode dwp = body(figures(), DWP);
        assertThat(dwp.get("received").asInt()).isEqualTo(1);
        assertThat(dwp.get("medianDaysToAcknowledge").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(dwp.get("medianDaysToRespond").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(dwp.get("commitmentsKept").asInt()).isEqualTo(1);

        List<String> log = new ArrayList<>();
        figures().get("youSaidWeDid").forEach(c -> log.add(c.get("body").asText() + "|" + c.get("state").asText() + "|"
                + c.get("people").asText() + "|" + c.get("did").asText()));
        assertThat(log).contains(
                NHS + "|KEPT|<5|Triage within five working days since October",
                NHS + "|DUE|12|null",
                DWP + "|KEPT|6|Work coaches check for a hospital stay before any sanction");
    }

    @Test
    void theSummaryToPublishHoldsEachBodysFiguresAndWhatItSaidAndDid() throws Exception {
        HttpResponse<String> summary = call("GET", "/accountability/summary", TestIdentity.placeLead(), null);
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.headers().firstValue("Content-Security-Policy")).hasValue(SummaryPage.CONTENT_SECURITY_POLICY);
        String html = summary.body();
        assertThat(html).contains("<tr data-body=\"nhs-lothian\"><th scope=\"row\">")
                .containsPattern("<tr data-body=\"nhs-lothian\"><th scope=\"row\">[^<]+</th><td class=\"number\">4</td>"
                        + "<td class=\"number\">2.0</td><td class=\"number\">7.0</td><td class=\"number\">0</td>"
                        + "<td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">2</td>"
                        + "<td class=\"number\">1</td><td class=\"number\">0</td><td class=\"number\">1</td></tr>")
                .contains("Same-week triage for people referred by a partner")
                .contains("Triage within five working days since October")
                .contains("<td class=\"number\">&lt;5</td>")
                .doesNotContain("<script").doesNotContainPattern("https?://");
        assertThat(call("GET", "/accountability/summary", TestIdentity.statutory(NHS), null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/accountability", TestIdentity.statutory(NHS), null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/accountability", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePageIsOpenHoldsNoDataAndAllowsNoOtherOrigin() throws Exception {
        HttpResponse<String> page = call("GET", "/accountability/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PageHeaders.CONTENT_SECURITY_POLICY);
        assertThat(PageHeaders.CONTENT_SECURITY_POLICY).doesNotContain("http", "*", "unsafe");
        assertThat(page.body()).contains("<script src=\"accountability.js\"").doesNotContainPattern("https?://");
        assertThat(call("GET", "/accountability/accountability.js", null, null).body()
                .replace("http://www.w3.org/2000/svg", "")).doesNotContainPattern("https?://").contains("Authorization");
        assertThat(call("GET", "/accountability/accountability.css", null, null).body())
                .doesNotContainPattern("https?://|@import|url\\(");
    }

    @Test
    void aPlaceLeadSeesTheChartsDrawnWithTheFigures() throws Exception {
        JsonNode figures = figures();
        open(TestIdentity.placeLead());
        assertThat(chromium.evaluate("location.hash").asText()).as("the token leaves the address bar").isEmpty();

        assertThat(drawn("#received-svg")).containsExactlyInAnyOrderElementsOf(
                expected(figures, "received", "responded", "overdueNow"))
                .contains(NHS + "|received|4", NHS + "|responded|3", NHS + "|overdueNow|1", DWP + "|received|1");
        assertThat(drawn("#speed-svg")).containsExactlyInAnyOrderElementsOf(
                expected(figures, "medianDaysToAcknowledge", "medianDaysToRespond"))
                .contains(NHS + "|medianDaysToAcknowledge|2", NHS + "|medianDaysToRespond|7");
        assertThat(drawn("#commitments-svg")).containsExactlyInAnyOrderElementsOf(
                expected(figures, "commitmentsMade", "commitmentsKept", "commitmentsNotKept"))
                .contains(NHS + "|commitmentsMade|2", NHS + "|commitmentsKept|1", DWP + "|commitmentsKept|1");
        // The bars are drawn to scale: NHS Lothian's 4 received is four times DWP's 1.
        double nhsWidth = chromium.evaluate("+document.querySelector('#received-svg .bar[data-body=\"nhs-lothian\"]"
                + "[data-measure=\"received\"] rect').getAttribute('width')").asDouble();
        double dwpWidth = chromium.evaluate("+document.querySelector('#received-svg .bar[data-body=\"dwp\"]"
                + "[data-measure=\"received\"] rect').getAttribute('width')").asDouble();
        assertThat(nhsWidth / dwpWidth).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(chromium.evaluate("document.querySelectorAll('#log-table tbody tr').length").asInt())
                .isEqualTo(figures.get("youSaidWeDid").size());
        assertThat(chromium.evaluate("document.querySelector('#log-table tbody').innerText").asText())
                .contains("Triage within five working days since October");

        Path shot = SCREENSHOTS.resolve("accountability-place-lead.png");
        chromium.screenshot(shot);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(chromium.loggedErrors()).as("errors the browser logged, CSP refusals included").isEmpty();
    }

    @Test
    void theEvidencePackPrintsInTheBrowserWithItsOwnStyleAndItsChart() throws Exception {
        chromium.navigate("about:blank");
        chromium.call("Network.enable", java.util.Map.of());
        // The pack is an API answer, not a page with a token form: the body's own token goes in the header.
        chromium.call("Network.setExtraHTTPHeaders", java.util.Map.of("headers",
                java.util.Map.of("Authorization", TestIdentity.bearer(TestIdentity.statutory(DWP)))));
        try {
            chromium.navigate("http://localhost:" + port + "/escalations/" + dwpEscalation + "/pack");
            chromium.waitUntil("document.querySelector('#trend-chart')", Duration.ofSeconds(20));
            assertThat(chromium.evaluate("getComputedStyle(document.querySelector('h2')).borderBottomStyle").asText())
                    .as("the inline style is allowed by its hash").isEqualTo("solid");
            assertThat(chromium.evaluate("[...document.querySelectorAll('#trend-chart .bar')].map(g => g.dataset.days + '|'"
                    + " + g.dataset.people + '|' + Math.round(g.querySelector('rect').getBBox().height > 0))").toString())
                    .isEqualTo("[\"30|5|1\",\"90|6|1\",\"365|9|1\"]");
            assertThat(chromium.evaluate("document.getElementById('question').textContent").asText())
                    .contains("sanctions are not applied while a claimant is in hospital");
            chromium.screenshot(SCREENSHOTS.resolve("evidence-pack.png"));
            assertThat(chromium.loggedErrors()).as("errors the browser logged, CSP refusals included").isEmpty();
        } finally {
            chromium.call("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of()));
        }
    }

    @Test
    void withoutATokenThePageAsksForOneAndAStatutoryTokenIsTurnedAway() throws Exception {
        chromium.navigate("about:blank");
        chromium.navigate("http://localhost:" + port + "/accountability/");
        chromium.evaluate("sessionStorage.clear()");
        chromium.navigate("about:blank");
        chromium.navigate("http://localhost:" + port + "/accountability/");
        chromium.waitUntil("document.body.dataset.state === 'signed-out'", Duration.ofSeconds(20));
        assertThat(chromium.evaluate("document.getElementById('main').hidden").asBoolean()).isTrue();

        open(TestIdentity.statutory(NHS), "signed-out");
        assertThat(chromium.evaluate("document.getElementById('sign-in-problem').textContent").asText())
                .contains("not a place lead");
        assertThat(chromium.evaluate("document.querySelectorAll('.bar').length").asInt()).isZero();
    }

    private String raise(String body, String theme, String actor, int people, Instant raisedAt, LocalDate dueBy) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RaiseEscalation(id, null, theme + ":" + actor, body, theme, actor, people, null, 2,
                "What will " + body + " change about " + theme + "?", dueBy, raisedAt));
        // A body answers what it has received: wait for the webhook to be acknowledged first.
        awaitDelivered(id);
        return id;
    }

    private void acknowledge(String escalationId, String body, Instant at) {
        commands.sendAndWait(new AcknowledgeEscalation(escalationId, body, at));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private JsonNode figures() throws Exception {
        HttpResponse<String> response = call("GET", "/accountability", TestIdentity.placeLead(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode body(JsonNode figures, String code) {
        for (JsonNode body : figures.get("bodies")) {
            if (code.equals(body.get("body").asText())) {
                return body;
            }
        }
        throw new AssertionError("no figures for " + code + " in " + figures);
    }

    private void open(String token) throws Exception {
        open(token, "ready");
    }

    private void open(String token, String state) throws Exception {
        chromium.navigate("about:blank");
        chromium.navigate("http://localhost:" + port + "/accountability/#token=" + token);
        chromium.waitUntil("document.body.dataset.state === '" + state + "'", Duration.ofSeconds(30));
    }

    private List<String> drawn(String chart) {
        List<String> bars = new ArrayList<>();
        chromium.evaluate("[...document.querySelectorAll('" + chart + " .bar')].map(g => [g.dataset.body,"
                + " g.dataset.measure, g.dataset.value].join('|'))").forEach(bar -> bars.add(bar.asText()));
        return bars;
    }

    /** What a chart of {@code measures} should show: a bar per body and measure, the value as JavaScript prints it. */
    private static List<String> expected(JsonNode figures, String... measures) {
        List<String> bars = new ArrayList<>();
        for (JsonNode body : figures.get("bodies")) {
            for (String measure : measures) {
                JsonNode value = body.get(measure);
                String printed = value.isNull() ? "" : value.isIntegralNumber() ? value.asText()
                        : new java.math.BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
                bars.add(body.get("body").asText() + "|" + measure + "|" + printed);
            }
        }
        return bars;
    }
}
