package org.bothy.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.bothy.kernel.topics.Topics;
import org.bothy.place.dashboard.DashboardHeaders;
import org.bothy.testsupport.HeadlessChromium;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The place lead's dashboard in Debian's real headless Chromium: the service is fed contracts through Kafka, the page
 * is opened with a place-lead token in its fragment, and what the browser draws is checked against the query API.
 */
class DashboardBrowserTest extends PlaceServiceTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Patterns no other test in this module uses, so the counts below are this test's own.
    private static final String ISOLATION = "social-isolation";
    private static final String EXCLUSION = "digital-exclusion";

    private static final String EXPERIMENT = "dashboard-experiment-" + UUID.randomUUID();

    private static final String OPEN_ISSUE = "dashboard-issue-open-" + UUID.randomUUID();
    private static final String CLOSED_ISSUE = "dashboard-issue-closed-" + UUID.randomUUID();

    private static HeadlessChromium chromium;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void feedThePlaceAndStartChromium() throws Exception {
        Instant now = Instant.now();
        String ailsa = LearningRecords.pseudonym("dashboard-ailsa");
        String callum = LearningRecords.pseudonym("dashboard-callum");
        String morag = LearningRecords.pseudonym("dashboard-morag");
        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey("spartans", ailsa, now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey("move-on", callum, now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey("spartans", callum, now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey("move-on", morag, now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("spartans", ailsa, ISOLATION, "social-work", now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("move-on", callum, ISOLATION, "social-work", now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("move-on", morag, ISOLATION, "social-work", now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("move-on", morag, ISOLATION, "social-work", now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("spartans", ailsa, EXCLUSION, "jobcentre", now)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("spartans", callum, EXCLUSION, "universal-credit", now)),
                LearningRecords.record(ORG_A_TOPIC, new ExperimentConcluded(UUID.randomUUID().toString(), now, "spartans",
                        ailsa, "journey-dashboard", EXPERIMENT, ISOLATION,
                        "Meeting at the community allotment before training made the first session feel safe")),
                LearningRecords.record(ORG_A_TOPIC, contact("spartans", ailsa, "visit", 45, 900, now)),
                LearningRecords.record(ORG_A_TOPIC, contact("spartans", callum, "call", 10, 0, now)),
                LearningRecords.record(ORG_A_TOPIC, contact("spartans", callum, "visit", 60, 1500, now)),
                LearningRecords.record(ORG_A_TOPIC, new Lm3Reported(UUID.randomUUID().toString(), now, "spartans",
                        "dashboard-pitch", "Community pitch", "actual", 1_000_000, 400_000, 150_000, new BigDecimal("1.55"))),
                LearningRecords.record(ORG_A_TOPIC, new IssuePublished(UUID.randomUUID().toString(), now, "spartans",
                        OPEN_ISSUE, 1, "Young people lose their place at college when digital access is cut off", 2,
                        "open", "leadership", "Lend a tablet while the claim is sorted", null, List.of(EXCLUSION),
                        List.of("universal-credit"), 3, 2)),
                LearningRecords.record(ORG_A_TOPIC, new IssuePublished(UUID.randomUUID().toString(), now, "spartans",
                        CLOSED_ISSUE, 2, "Nobody to talk to between training sessions", 1, "closed", "team",
                        "A buddy from the squad", "Buddying is part of every induction", List.of(ISOLATION),
                        List.of("social-work"), 2, 2)));
        String firstReferral = UUID.randomUUID().toString();
        LearningRecords.send(
                LearningRecords.record(Topics.REFERRALS, referral(firstReferral, "spartans", "move-on", ailsa, now)),
                LearningRecords.record(Topics.REFERRALS, referral(UUID.randomUUID().toString(), "spartans", "move-on",
                        callum, now)),
                LearningRecords.record(Topics.REFERRALS, new ReferralAccepted(UUID.randomUUID().toString(), now,
                        firstReferral, "spartans", "move-on")));
        chromium = HeadlessChromium.start(1280, 1000);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePageItselfIsOpenHoldsNoDataAndAllowsNoOtherOrigin() throws Exception {
        HttpResponse<String> page = get("/dashboard/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(DashboardHeaders.CONTENT_SECURITY_POLICY);
        assertThat(DashboardHeaders.CONTENT_SECURITY_POLICY).doesNotContain("http", "*", "unsafe");
        assertThat(page.body()).contains("<script src=\"dashboard.js\"").doesNotContainPattern("https?://");
        // The SVG namespace is a name, not an address the browser fetches.
        assertThat(get("/dashboard/dashboard.js", null).body().replace("http://www.w3.org/2000/svg", ""))
                .doesNotContainPattern("https?://").contains("Authorization");
        assertThat(get("/dashboard/dashboard.css", null).body()).doesNotContainPattern("https?://|@import|url\\(");
        assertThat(get("/dashboard", null).statusCode()).isEqualTo(302);
        // The API behind it still wants a place lead's token.
        assertThat(get("/barriers", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPlaceLeadSeesTheHeatmapOfTheDataAndAFilterChangesIt() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(barriers("?theme=" + ISOLATION).toString())
                    .contains("{\"theme\":\"social-isolation\",\"systemActor\":\"social-work\",\"people\":3,\"organisations\":2}");
            assertThat(barriers("?theme=" + EXCLUSION)).hasSize(2);
        });

        open();
        assertThat(chromium.evaluate("location.hash").asText()).as("the token leaves the address bar").isEmpty();
        assertThat(chromium.evaluate("document.getElementById('sign-in').hidden").asBoolean()).isTrue();

        JsonNode everything = barriers("");
        assertThat(drawnCells()).containsExactlyInAnyOrderElementsOf(cellsOf(everything));
        assertThat(drawnCells()).contains(ISOLATION + "|social-work|3|2", EXCLUSION + "|jobcentre|1|1");
        assertThat(chromium.evaluate("document.querySelectorAll('#barrier-table tbody tr').length").asInt())
                .isEqualTo(everything.size());
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-place-lead.png"));
        assertThat(Files.size(SCREENSHOTS.resolve("dashboard-place-lead.png"))).isGreaterThan(10_000);

        choose("theme", EXCLUSION);
        chromium.waitUntil("[...document.querySelectorAll('#heatmap .heat-cell')].every(c => c.dataset.theme === '"
                + EXCLUSION + "') && document.body.dataset.state === 'ready'", Duration.ofSeconds(20));
        assertThat(drawnCells()).containsExactlyInAnyOrder(
                EXCLUSION + "|jobcentre|1|1", EXCLUSION + "|universal-credit|1|1");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-filtered-by-theme.png"));

        assertThat(chromium.loggedErrors()).as("errors the browser logged, CSP refusals included").isEmpty();
    }

    @Test
    void reachAndTheRevolvingDoorAreDrawnFromTheApiAndTheOrganisationFilterNarrowsEveryChart() throws Exception {
        // Callum came to both Spartans and Move On: Spartans' row shows at least him going round the door.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode spartans = api("/reach/revolving-door?organisation=spartans");
            assertThat(spartans).hasSize(1);
            assertThat(spartans.get(0).path("people").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(spartans.get(0).path("seenElsewhereToo").asLong()).isGreaterThanOrEqualTo(1);
        });

        open();
        chromium.waitUntil("document.querySelector('#reach-svg') && document.querySelector('#door-svg')",
                Duration.ofSeconds(20));
        assertThat(drawn("#reach-svg .reach-bar", "[c.dataset.organisation, c.dataset.month, c.dataset.people]"))
                .containsExactlyInAnyOrderElementsOf(rows(api("/reach"), "organisation", "month", "people"));
        List<String> doors = new ArrayList<>();
        api("/reach/revolving-door").forEach(door -> doors.add(door.path("organisation").asText() + "|"
                + door.path("seenElsewhereToo").asLong() + " of " + door.path("people").asLong()));
        assertThat(drawn("#door-svg .bar", "[c.dataset.key, c.querySelector('text.value').textContent]"))
                .containsExactlyInAnyOrderElementsOf(doors);
        assertThat(chromium.evaluate("document.getElementById('filter-status').textContent").asText())
                .startsWith("Up to date");
        assertThat(chromium.evaluate("document.querySelectorAll('#reach-tables table').length").asInt()).isEqualTo(3);
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-reach.png"));

        choose("organisation", "spartans");
        chromium.waitUntil("document.body.dataset.state === 'ready' && [...document.querySelectorAll("
                + "'#reach-svg .reach-bar')].every(c => c.dataset.organisation === 'spartans')", Duration.ofSeconds(20));
        assertThat(drawnCells()).containsExactlyInAnyOrderElementsOf(cellsOf(api("/barriers?organisation=spartans")))
                .contains(ISOLATION + "|social-work|1|1").doesNotContain(ISOLATION + "|social-work|3|2");
        assertThat(drawn("#door-svg .bar", "[c.dataset.key]")).containsOnly("spartans");
        assertThat(chromium.loggedErrors()).isEmpty();
    }

    @Test
    void theLearningLibrarySearchFindsAnExperimentsLearning() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api("/learning?q=allotment").toString()).contains(EXPERIMENT));

        open();
        chromium.evaluate("""
                (() => { document.getElementById('learning-query').value = 'allotment';
                         document.querySelector('#learning-search button[type=submit]').click(); })()
                """);
        chromium.waitUntil("document.getElementById('learning-status').textContent.includes('allotment')",
                Duration.ofSeconds(20));
        assertThat(drawn("#learning-results .learning-entry", "[c.dataset.id, c.querySelector('.text').textContent]"))
                .contains(EXPERIMENT + "|Meeting at the community allotment before training made the first session feel safe")
                .hasSize(api("/learning?q=allotment&limit=20").size());
        chromium.evaluate("document.getElementById('learning').scrollIntoView()");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-learning-search.png"));

        chromium.evaluate("""
                (() => { document.getElementById('learning-query').value = 'zzyzx-nothing-like-this';
                         document.querySelector('#learning-search button[type=submit]').click(); })()
                """);
        chromium.waitUntil("document.getElementById('learning-status').textContent.includes('Nothing')",
                Duration.ofSeconds(20));
        assertThat(chromium.evaluate("document.querySelectorAll('#learning-results li').length").asInt()).isZero();
        assertThat(chromium.loggedErrors()).isEmpty();
    }

    @Test
    void costOfSupportAndLm3AreDrawnFromTheApi() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api("/cost?organisation=spartans").toString()).contains("\"per\":\"person\"");
            assertThat(api("/lm3?organisation=spartans").toString()).contains("dashboard-pitch");
        });

        open();
        chromium.waitUntil("document.querySelector('#cost-svg') && document.querySelector('#lm3-svg')",
                Duration.ofSeconds(20));
        List<String> people = new ArrayList<>();
        api("/cost").forEach(c -> {
            if (c.path("per").asText().equals("person") && c.path("count").asLong() > 0) {
                people.add(c.path("organisation").asText() + "|" + c.path("medianSpendPence").asLong());
            }
        });
        assertThat(drawn("#cost-svg .cost-row", "[c.dataset.organisation, c.dataset.median]"))
                .containsExactlyInAnyOrderElementsOf(people);
        assertThat(drawn("#lm3-svg .bar", "[c.dataset.key, c.dataset.value]"))
                .contains("project:dashboard-pitch:actual|1.55")
                .hasSize(api("/lm3").size());
        chromium.evaluate("document.getElementById('cost').scrollIntoView()");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-cost-and-lm3.png"));
        assertThat(chromium.loggedErrors()).isEmpty();
    }

    @Test
    void theIssueLogShowsEveryPublishedIssueAndItsStatusFilterNarrowsIt() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api("/issues?organisation=spartans").toString()).contains(OPEN_ISSUE, CLOSED_ISSUE));

        open();
        chromium.waitUntil("document.querySelector('#issue-table')", Duration.ofSeconds(20));
        String issues = "[...document.querySelectorAll('#issue-table tbody tr')].map(r => r.cells[0].textContent)";
        assertThat(chromium.evaluate(issues + ".length").asInt()).isEqualTo(api("/issues").size());
        assertThat(chromium.evaluate(issues + ".join('\\n')").asText())
                .contains("Young people lose their place at college", "Nobody to talk to between training sessions");

        chromium.evaluate("""
                (() => { const status = document.querySelector('#issue-filters [name=status]');
                         status.value = 'closed'; status.dispatchEvent(new Event('change', {bubbles: true})); })()
                """);
        chromium.waitUntil("[...document.querySelectorAll('#issue-table tbody tr')].every(r => r.cells[4]"
                + ".textContent === 'closed')", Duration.ofSeconds(20));
        assertThat(chromium.evaluate(issues + ".length").asInt()).isEqualTo(api("/issues?status=closed").size());
        assertThat(chromium.evaluate(issues + ".join('\\n')").asText())
                .contains("Nobody to talk to between training sessions").doesNotContain("Young people lose");
        assertThat(chromium.loggedErrors()).isEmpty();
    }

    @Test
    void theReferralFlowIsDrawnFromTheApi() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rows(api("/referrals/flows?organisation=spartans"), "fromOrganisation", "toOrganisation",
                        "made", "accepted")).contains("spartans|move-on|2|1"));

        open();
        chromium.waitUntil("document.querySelector('#referral-svg')", Duration.ofSeconds(20));
        List<String> pairs = rows(api("/referrals/flows"), "fromOrganisation", "toOrganisation").stream().distinct().toList();
        assertThat(drawn("#referral-svg .bar", "[c.dataset.key, c.querySelector('text.value').textContent]"))
                .contains("spartans>move-on|1 of 2")
                .hasSize(pairs.size());
        chromium.evaluate("document.getElementById('referrals').scrollIntoView()");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-referral-flow.png"));
        assertThat(chromium.loggedErrors()).isEmpty();
    }

    private static ReferralMade referral(String referralId, String from, String to, String pseudonym, Instant at) {
        return new ReferralMade(UUID.randomUUID().toString(), at, referralId, from, to, pseudonym,
                "Wants to join the Saturday squad", List.of(ISOLATION), new SealedEnvelope(SealedEnvelope.ALGORITHM,
                "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=", "AAECAwQFBgcICQoL",
                "3q2+7wAREiIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u"));
    }

    private static ContactRecorded contact(String organisation, String pseudonym, String kind, int minutes, long pence,
                                           Instant at) {
        return new ContactRecorded(UUID.randomUUID().toString(), at, organisation, pseudonym, "journey-dashboard",
                "contact-" + UUID.randomUUID(), kind, minutes, pence);
    }

    @Test
    void withoutATokenThePageAsksForOneAndARoleOtherThanPlaceLeadIsTurnedAway() throws Exception {
        chromium.navigate("http://localhost:" + port + "/dashboard/");
        chromium.evaluate("sessionStorage.clear()");
        chromium.navigate("http://localhost:" + port + "/dashboard/");
        chromium.waitUntil("!document.getElementById('sign-in').hidden", Duration.ofSeconds(20));
        assertThat(chromium.evaluate("document.getElementById('main').hidden").asBoolean()).isTrue();

        chromium.evaluate("""
                (() => { document.getElementById('token-input').value = '%s';
                         document.querySelector('#token-form button[type=submit]').click(); })()
                """.formatted(TestIdentity.worker("spartans")));
        chromium.waitUntil("document.getElementById('sign-in-problem').textContent.includes('place lead')",
                Duration.ofSeconds(20));
        assertThat(chromium.evaluate("sessionStorage.length").asInt()).as("a refused token is forgotten").isZero();
    }

    /** Opens the dashboard as a place lead, the token handed over in the fragment, and waits for the heatmap. */
    private void open() throws InterruptedException {
        chromium.navigate("about:blank");
        chromium.forgetLoggedErrors();
        chromium.navigate("http://localhost:" + port + "/dashboard/#token=" + TestIdentity.placeLead());
        chromium.waitUntil("document.body.dataset.state === 'ready' && document.querySelector('#heatmap svg')",
                Duration.ofSeconds(20));
    }

    /** Picks {@code value} in the filter {@code name} as a person would, which fires the form's change event. */
    private void choose(String name, String value) {
        chromium.evaluate("""
                (() => { const filter = document.querySelector('#filters [name=%s]');
                         filter.value = '%s'; filter.dispatchEvent(new Event('change', {bubbles: true})); })()
                """.formatted(name, value));
    }

    /** What the page drew: for each element matching {@code selector}, {@code fields} (over {@code c}) joined by '|'. */
    private List<String> drawn(String selector, String fields) {
        JsonNode found = chromium.evaluate("[...document.querySelectorAll(\"" + selector + "\")].map(c => " + fields
                + ".join('|'))");
        List<String> lines = new ArrayList<>();
        found.forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static List<String> rows(JsonNode answer, String... fields) {
        List<String> lines = new ArrayList<>();
        answer.forEach(row -> {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(row.path(field).asText());
            }
            lines.add(String.join("|", values));
        });
        return lines;
    }

    private List<String> drawnCells() {
        JsonNode cells = chromium.evaluate("""
                [...document.querySelectorAll('#heatmap .heat-cell')].map(c => [c.dataset.theme,
                  c.dataset.systemActor, c.querySelector('text.people').textContent, c.dataset.organisations].join('|'))
                """);
        List<String> drawn = new ArrayList<>();
        cells.forEach(cell -> drawn.add(cell.asText()));
        return drawn;
    }

    private static List<String> cellsOf(JsonNode counts) {
        List<String> cells = new ArrayList<>();
        counts.forEach(c -> cells.add(c.path("theme").asText() + "|" + c.path("systemActor").asText() + "|"
                + c.path("people").asLong() + "|" + c.path("organisations").asLong()));
        return cells;
    }

    private JsonNode barriers(String query) throws IOException, InterruptedException {
        return api("/barriers" + query);
    }

    private JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery, TestIdentity.placeLead());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
