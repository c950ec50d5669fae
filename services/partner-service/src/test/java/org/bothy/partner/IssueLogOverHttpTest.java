package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.partner.issue.EditIssue;
import org.bothy.partner.issue.IssueChange;
import org.bothy.partner.issue.IssueLog;
import org.bothy.partner.issue.IssueRaised;
import org.bothy.testsupport.TestIdentity;
import org.bothy.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The issue log over HTTP on a real PostgreSQL and Kafka with real tokens: raise, list with filters and pages, edit
 * with If-Match and be told what changed when the version is stale, link evidence, close as a lead only, and what
 * reaches the place.
 */
class IssueLogOverHttpTest extends OrganisationLearningOverHttp {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_issue_log_test");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    IssueLogFault fault;

    @Test
    void aWorkerRaisesAnIssueAndReadsItBackWithItsVersion() throws Exception {
        HttpResponse<String> raised = send("POST", "/issues", worker, null, """
                {"description": "Tenants are told to wait 12 weeks for a damp inspection", "level": 2,
                 "owner": "leadership", "countermeasure": "Photograph the damp at the first visit",
                 "systemChange": "Inspection within 2 weeks of a report", "themes": ["housing"],
                 "systemActors": ["council-housing"]}""");

        assertThat(raised.statusCode()).isEqualTo(201);
        JsonNode issue = JSON.readTree(raised.body());
        String issueId = issue.get("issueId").asText();
        assertThat(raised.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/issues/" + issueId));
        assertThat(raised.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(issue.get("status").asText()).isEqualTo("open");
        assertThat(issue.get("themes").get(0).asText()).isEqualTo("housing");
        assertThat(issue.get("sharedWithPlace").asBoolean()).isFalse();

        HttpResponse<String> read = send("GET", "/issues/" + issueId, lead, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(JSON.readTree(read.body()).get("systemChange").asText()).contains("2 weeks");
    }

    @Test
    void aMacroIssueAndAGovernmentOneReachThePlaceAndEveryLaterChangeFollowsButATeamIssueDoesNot()
            throws Exception {
        String macro = raise(3, "leadership");
        String government = raise(2, "government");
        String team = raise(1, "team");
        // the macro issue is taken below level 3 and away from government: the place must still hear of it
        assertThat(send("PATCH", "/issues/" + macro, worker, "\"1\"", "{\"level\": 1, \"owner\": \"team\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/issues/" + government + "/closure", lead, null, null).statusCode())
                .isEqualTo(200);

        List<IssuePublished> macroSnapshots = published(macro, IssuePublished.class, 2, IssuePublished::revision);
        assertThat(macroSnapshots).extracting(IssuePublished::revision).containsExactly(1, 2);
        assertThat(macroSnapshots.get(0).level()).isEqualTo(3);
        assertThat(macroSnapshots.get(1).level()).isEqualTo(1);
        assertThat(macroSnapshots.get(1).owner()).isEqualTo("team");
        assertThat(macroSnapshots.get(1).organisation()).isEqualTo(ORGANISATION);
        assertThat(macroSnapshots.get(1).themes()).containsExactly("welfare-benefits");

        List<IssuePublished> governmentSnapshots = published(government, IssuePublished.class, 2, IssuePublished::revision);
        assertThat(governmentSnapshots).extracting(IssuePublished::status).containsExactly("open", "closed");

        String storedId = jdbc.queryForObject("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%IssueSharedWithPlace' order by"
                + " sequence_number limit 1", String.class, macro);
        assertThat(macroSnapshots.get(0).eventId()).isEqualTo(storedId);
        // by the time the later issues have arrived, the team issue raised before them would have too
        assertThat(published(team, IssuePublished.class, 0, IssuePublished::revision)).isEmpty();
    }

    @Test
    void anEditWithTheCurrentVersionIsAppliedAndAStaleOneIsRefusedWithWhatChanged() throws Exception {
        String issueId = raise(1, "team");

        HttpResponse<String> first = send("PATCH", "/issues/" + issueId, worker, "\"0\"", """
                {"level": 2, "countermeasure": "Call the housing officer the same day"}""");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.readTree(first.body()).get("level").asInt()).isEqualTo(2);
        long before = storedEvents();

        // a colleague who read the issue before that edit now sends theirs
        HttpResponse<String> stale = send("PATCH", "/issues/" + issueId, lead, "\"0\"", """
                {"owner": "leadership"}""");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode problem = JSON.readTree(stale.body());
        assertThat(problem.get("yourVersion").asLong()).isEqualTo(0);
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
        JsonNode change = problem.get("changes").get(0);
        assertThat(change.get("change").asText()).isEqualTo("edited");
        assertThat(StreamSupport.stream(change.get("fields").spliterator(), false).map(JsonNode::asText))
                .containsExactly("level", "countermeasure");
        assertThat(problem.get("current").get("owner").asText()).isEqualTo("team");
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> replaced = send("PUT", "/issues/" + issueId, lead, "\"1\"", """
                {"description": "Reworded for sharing", "level": 2, "owner": "leadership"}""");
        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonNode now = JSON.readTree(replaced.body());
        assertThat(now.get("owner").asText()).isEqualTo("leadership");
        assertThat(now.get("countermeasure").isNull()).isTrue();
        assertThat(now.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anEditThatSlipsInAfterTheVersionWasCheckedIsRefusedByTheIssueItself() throws Exception {
        String issueId = raise(1, "team");
        assertThat(send("PATCH", "/issues/" + issueId, worker, "\"0\"", "{\"level\": 2}").statusCode())
                .isEqualTo(200);
        long before = storedEvents();

        // the command a second editor's request sends once its own check has passed, still carrying version 0
        assertThatThrownBy(() -> commands.sendAndWait(new EditIssue(issueId, 0L,
                new IssueChange(null, null, "leadership", null, null, null, null))))
                .isInstanceOf(ConflictingAggregateVersionException.class);

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(JSON.readTree(send("GET", "/issues/" + issueId, worker, null, null).body()).get("owner")
                .asText()).isEqualTo("team");
    }

    @Test
    void anEditWithoutIfMatchOrWithAMalformedOneIsRefusedNamingTheHeader() throws Exception {
        String issueId = raise(1, "team");
        long before = storedEvents();
        assertProblem(send("PATCH", "/issues/" + issueId, worker, null, "{\"level\": 2}"), "If-Match");
        assertProblem(send("PATCH", "/issues/" + issueId, worker, "yesterday", "{\"level\": 2}"), "If-Match");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void badFieldsAreEachNamedAndNothingIsStored() throws Exception {
        long before = storedEvents();
        HttpResponse<String> refused = send("POST", "/issues", worker, null, """
                {"description": " ", "level": 5, "themes": ["housing", ""]}""");
        JsonNode problem = assertProblem(refused, "description");
        assertThat(fields(problem)).contains("description", "level", "owner", "themes[1]");

        assertProblem(send("POST", "/issues", worker, null, """
                {"description": "Something", "level": 1, "owner": "the-mayor"}"""), "owner");
        JsonNode theme = assertProblem(send("POST", "/issues", worker, null, """
                {"description": "Something", "level": 1, "owner": "team", "themes": ["weather"]}"""), "themes");
        assertThat(theme.get("errors").get(0).get("reason").asText()).contains("weather").contains("housing");
        assertProblem(send("POST", "/issues", worker, null, """
                {"description": "Something", "level": 1, "owner": "team", "systemActors": ["the-weather"]}"""),
                "systemActors");
        assertThat(storedEvents()).isEqualTo(before);

        assertProblem(send("GET", "/issues?level=9", worker, null, null), "level");
        assertProblem(send("GET", "/issues?status=pending", worker, null, null), "status");
        assertProblem(send("GET", "/issues?owner=nobody", worker, null, null), "owner");
        assertProblem(send("GET", "/issues?size=1000", worker, null, null), "size");
    }

    @Test
    void theLogIsListedInPagesAndFilteredByLevelStatusAndOwner() throws Exception {
        String governmentOwned = raise(2, "government");
        String macro = raise(3, "leadership");
        raise(3, "leadership");
        String closed = raise(3, "leadership");
        assertThat(send("POST", "/issues/" + closed + "/closure", lead, null, null).statusCode()).isEqualTo(200);

        JsonNode macroOpen = JSON.readTree(send("GET", "/issues?level=3&status=open&size=1", worker, null, null)
                .body());
        long openMacroIssues = jdbc.queryForObject(
                "select count(*) from issue_log where level = 3 and status = 'open'", Long.class);
        assertThat(macroOpen.get("totalItems").asLong()).isEqualTo(openMacroIssues).isGreaterThanOrEqualTo(2);
        assertThat(macroOpen.get("items")).hasSize(1);
        assertThat(macroOpen.get("size").asInt()).isEqualTo(1);

        JsonNode secondPage = JSON.readTree(send("GET", "/issues?level=3&status=open&size=1&page=1", worker, null,
                null).body());
        assertThat(secondPage.get("items").get(0).get("issueId").asText())
                .isNotEqualTo(macroOpen.get("items").get(0).get("issueId").asText());

        JsonNode government = JSON.readTree(send("GET", "/issues?owner=government&size=100", worker, null, null)
                .body());
        assertThat(StreamSupport.stream(government.get("items").spliterator(), false)
                .map(item -> item.get("issueId").asText())).contains(governmentOwned).doesNotContain(macro);

        JsonNode closedOnes = JSON.readTree(send("GET", "/issues?status=closed&size=100", worker, null, null)
                .body());
        assertThat(StreamSupport.stream(closedOnes.get("items").spliterator(), false)
                .map(item -> item.get("issueId").asText())).contains(closed).doesNotContain(macro);
    }

    @Test
    void onlyALeadClosesAndAClosedIssueIsReopenedBeforeItChanges() throws Exception {
        String issueId = raise(1, "team");
        long before = storedEvents();

        HttpResponse<String> byWorker = send("POST", "/issues/" + issueId + "/closure", worker, null, null);
        assertThat(byWorker.statusCode()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> byLead = send("POST", "/issues/" + issueId + "/closure", lead, null, null);
        assertThat(byLead.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byLead.body()).get("status").asText()).isEqualTo("closed");

        assertThat(send("PATCH", "/issues/" + issueId, worker, "\"1\"", "{\"level\": 2}").statusCode())
                .isEqualTo(409);
        HttpResponse<String> reopened = send("POST", "/issues/" + issueId + "/reopening", worker, null, null);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reopened.body()).get("status").asText()).isEqualTo("open");
        assertThat(send("POST", "/issues/" + issueId + "/reopening", worker, null, null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void evidenceMustBeAJourneyOfThisOrganisationAndABarrierOnIt() throws Exception {
        String issueId = raise(2, "leadership");
        JsonNode journey = JSON.readTree(send("POST", "/journeys", worker, null, """
                {"person": {"fullName": "Kirsty Bell", "dateOfBirth": "1992-03-04"}, "door": "drop-in"}""").body());
        String journeyId = journey.get("journeyId").asText();
        String barrierId = JSON.readTree(send("POST", "/journeys/" + journeyId + "/barriers", worker, null, """
                {"theme": "housing", "systemActor": "council-housing", "level": 2}""").body())
                .get("barrierId").asText();
        long before = storedEvents();

        assertProblem(send("POST", "/issues/" + issueId + "/evidence", worker, null, """
                {"journeyId": "2f0c2a34-0000-4000-8000-000000000000"}"""), "journeyId");
        assertProblem(send("POST", "/issues/" + issueId + "/evidence", worker, null,
                "{\"journeyId\": \"" + journeyId + "\", \"barrierId\": \"not-a-barrier\"}"), "barrierId");
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> linked = send("POST", "/issues/" + issueId + "/evidence", worker, "\"0\"",
                "{\"journeyId\": \"" + journeyId + "\", \"barrierId\": \"" + barrierId + "\"}");
        assertThat(linked.statusCode()).isEqualTo(200);
        JsonNode issue = JSON.readTree(linked.body());
        assertThat(issue.get("journeys").asInt()).isEqualTo(1);
        assertThat(issue.get("barriers").asInt()).isEqualTo(1);
        assertThat(issue.get("evidence").get(0).get("barrierId").asText()).isEqualTo(barrierId);
    }

    @Test
    void anotherOrganisationAndThePlaceAreRefusedAndAnUnknownIssueIs404() throws Exception {
        String body = "{\"description\": \"x\", \"level\": 1, \"owner\": \"team\"}";
        assertThat(send("POST", "/issues", TestIdentity.worker("fresh-start"), null, body).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/issues", TestIdentity.placeLead(), null, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/issues", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/issues/no-such-issue", worker, null, null).statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/issues/no-such-issue", worker, "\"0\"", "{\"level\": 2}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFaultInTheLogsHandlingFailsTheIssueInsteadOfSkippingIt() throws Exception {
        String description = "Letters from the benefits office arrive after the appointment they set";
        String request = "{\"description\": \"" + description + "\", \"level\": 2, \"owner\": \"leadership\"}";
        fault.failingFor.add(description);
        long before = storedEvents();

        assertThat(send("POST", "/issues", worker, null, request).statusCode())
                .as("the issue could not be raised").isGreaterThanOrEqualTo(500);
        assertThat(storedEvents()).as("nothing stored without its row in the log").isEqualTo(before);
        assertThat(inTheLog(description)).isZero();

        fault.failingFor.remove(description);
        HttpResponse<String> raised = send("POST", "/issues", worker, null, request);
        assertThat(raised.statusCode()).isEqualTo(201);
        assertThat(inTheLog(description)).isEqualTo(1);
        assertThat(send("GET", "/issues/" + JSON.readTree(raised.body()).get("issueId").asText(), worker, null, null)
                .statusCode()).isEqualTo(200);
    }

    private long inTheLog(String description) {
        Long count = jdbc.queryForObject("select count(*) from issue_log where description = ?", Long.class, description);
        return count == null ? 0 : count;
    }

    private String raise(int level, String owner) throws Exception {
        HttpResponse<String> raised = send("POST", "/issues", worker, null,
                "{\"description\": \"Issue at level " + level + " owned by " + owner + "\", \"level\": " + level
                        + ", \"owner\": \"" + owner + "\", \"themes\": [\"welfare-benefits\"]}");
        assertThat(raised.statusCode()).isEqualTo(201);
        return JSON.readTree(raised.body()).get("issueId").asText();
    }

    /** A handler in the issue log's own processor that fails for the descriptions named, as a fault in its code would. */
    @ProcessingGroup(IssueLog.PROCESSOR)
    static class IssueLogFault {
        final Set<String> failingFor = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(IssueRaised raised) {
            if (failingFor.contains(raised.content().description())) {
                throw new IllegalStateException("a fault in the issue log's handling, for the test");
            }
        }
    }

    /** Adds the fault to this test's service alone. */
    @TestConfiguration
    static class WithIssueLogFault {

        @Bean
        IssueLogFault issueLogFault() {
            return new IssueLogFault();
        }
    }
}
