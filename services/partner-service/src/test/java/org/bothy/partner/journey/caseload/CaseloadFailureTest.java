package org.bothy.partner.journey.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bothy.partner.journey.JourneyOpened;
import org.bothy.partner.journey.WorkerOnRecord;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker relies on their caseload, so a journey is never stored without its caseload row: while the caseload's
 * handling fails (the database refusing the row, or a fault in the handling itself), opening the journey fails and
 * nothing of it is stored; once the failure clears, the same request opens it and it is on the worker's caseload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.organisation=" + CaseloadFailureTest.ORGANISATION,
        "bothy.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class CaseloadFailureTest {

    static final String ORGANISATION = "spartans";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_caseload_failure_test");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseloadFault fault;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void clearTheFailure() {
        jdbc.execute("drop trigger if exists refuse_caseload on journey_caseload_worker");
    }

    @Test
    void whileTheDatabaseRefusesTheCaseloadRowNoJourneyIsStoredAndOnceItAcceptsTheRequestOpensIt() throws Exception {
        String subject = "worker-" + UUID.randomUUID();
        String worker = TestIdentity.worker(ORGANISATION, subject);
        String open = openingFor(registered(worker, "Ailsa Brodie"));
        // the database refuses this worker's caseload rows, as a real failure of the caseload's table would
        jdbc.execute("create or replace function refuse_caseload() returns trigger language plpgsql as $$"
                + " begin raise exception 'caseload refused for the test'; end $$");
        jdbc.execute("create trigger refuse_caseload before insert on journey_caseload_worker for each row"
                + " when (new.worker = '" + subject + "') execute function refuse_caseload()");

        failsAndStoresNothing(worker, open);
        clearTheFailure();
        opensOntoTheCaseload(worker, open);
    }

    @Test
    void aFaultInTheCaseloadsHandlingFailsTheJourneyInsteadOfSkippingIt() throws Exception {
        String subject = "worker-" + UUID.randomUUID();
        String worker = TestIdentity.worker(ORGANISATION, subject);
        String open = openingFor(registered(worker, "Morven Gilchrist"));
        fault.failingFor.add(subject);

        failsAndStoresNothing(worker, open);
        fault.failingFor.remove(subject);
        opensOntoTheCaseload(worker, open);
    }

    private void failsAndStoresNothing(String worker, String open) throws Exception {
        long eventsBefore = storedEvents();
        HttpResponse<String> refused = post("/journeys", worker, open);

        assertThat(refused.statusCode()).as("the journey could not be opened").isGreaterThanOrEqualTo(500);
        assertThat(storedEvents()).as("nothing stored without its caseload row").isEqualTo(eventsBefore);
        assertThat(caseload(worker).get("totalItems").asLong()).isZero();
    }

    private void opensOntoTheCaseload(String worker, String open) throws Exception {
        HttpResponse<String> opened = post("/journeys", worker, open);

        assertThat(opened.statusCode()).isEqualTo(201);
        String journeyId = JSON.readTree(opened.body()).get("journeyId").asText();
        JsonNode caseload = caseload(worker);
        assertThat(caseload.get("totalItems").asLong()).isEqualTo(1);
        assertThat(caseload.get("items").get(0).get("journeyId").asText()).isEqualTo(journeyId);
        assertThat(caseload.get("items").get(0).get("openedByMe").asBoolean()).isTrue();
    }

    private String registered(String worker, String fullName) throws Exception {
        HttpResponse<String> registered = post("/people", worker,
                "{\"fullName\": \"" + fullName + "\", \"dateOfBirth\": \"1979-11-02\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("personId").asText();
    }

    private static String openingFor(String personId) {
        return "{\"personId\": \"" + personId + "\", \"door\": \"drop-in\"}";
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private JsonNode caseload(String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/caseload"))
                .header("Authorization", TestIdentity.bearer(token)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestIdentity.bearer(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A handler in the caseload's own processor that fails for the workers named, as a fault in its code would. */
    @ProcessingGroup(CaseloadProjection.PROCESSOR)
    static class CaseloadFault {
        final Set<String> failingFor = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(JourneyOpened opened, @MetaDataValue(WorkerOnRecord.METADATA_KEY) String worker) {
            if (failingFor.contains(worker)) {
                throw new IllegalStateException("a fault in the caseload's handling, for the test");
            }
        }
    }

    /** Adds the fault to this test's service alone. */
    @TestConfiguration
    static class WithCaseloadFault {

        @Bean
        CaseloadFault caseloadFault() {
            return new CaseloadFault();
        }
    }
}
