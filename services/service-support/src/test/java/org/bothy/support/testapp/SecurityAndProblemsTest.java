package org.bothy.support.testapp;

import org.bothy.support.security.RememberedTokens;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityAndProblemsTest extends RunningTestService {

    private static final String VALID = """
            {"person":{"fullName":"Ailsa Test","dateOfBirth":"1990-04-01"},"door":"drop-in"}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private JwtDecoder jwtDecoder;
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("https://bothy.org/problems/");
        assertThat(body.path("title").asString()).isNotBlank();
        return body;
    }

    @Test
    void no_token_is_401_problem_json_without_token_details() throws Exception {
        HttpResponse<String> response = call("POST", "/journeys", null, VALID);

        JsonNode body = problem(response, 401);
        assertThat(body.path("type").asString()).isEqualTo("https://bothy.org/problems/unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void a_forged_or_garbled_token_is_401_and_the_reason_is_not_told() throws Exception {
        HttpResponse<String> response = call("GET", "/whoami", "not-a-jwt", null);

        JsonNode body = problem(response, 401);
        assertThat(response.body()).doesNotContainIgnoringCase("malformed").doesNotContainIgnoringCase("jwt");
        assertThat(body.path("detail").asString()).isEqualTo("A valid bearer token is required.");
    }

    @Test
    void a_token_is_remembered_after_its_first_request_and_still_says_who_is_calling() throws Exception {
        String token = TestIdentity.worker("fresh-start", "worker-remembered");
        int before = ((RememberedTokens) jwtDecoder).size();

        HttpResponse<String> first = call("GET", "/whoami", token, null);
        HttpResponse<String> second = call("GET", "/whoami", token, null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).path("subject").asString()).isEqualTo("worker-remembered");
        assertThat(((RememberedTokens) jwtDecoder).size()).isEqualTo(before + 1);
    }

    @Test
    void the_wrong_role_is_403_problem_json_for_method_and_request_rules() throws Exception {
        JsonNode methodRule = problem(call("POST", "/journeys", TestIdentity.placeLead(), VALID), 403);
        JsonNode requestRule = problem(call("GET", "/admin/settings", TestIdentity.worker("fresh-start"), null), 403);

        assertThat(methodRule.path("type").asString()).isEqualTo("https://bothy.org/problems/forbidden");
        assertThat(requestRule.path("type").asString()).isEqualTo("https://bothy.org/problems/forbidden");
        assertThat(call("GET", "/admin/settings", TestIdentity.admin(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_worker_of_another_organisation_is_403_and_one_of_this_organisation_gets_in() throws Exception {
        JsonNode otherOrganisation = problem(call("GET", "/organisation/notes", TestIdentity.worker("move-on"), null), 403);
        JsonNode statutory = problem(call("GET", "/organisation/notes", TestIdentity.statutory("dwp"), null), 403);

        assertThat(otherOrganisation.path("type").asString()).isEqualTo("https://bothy.org/problems/forbidden");
        assertThat(statutory.path("status").asInt()).isEqualTo(403);
        assertThat(call("GET", "/organisation/notes", TestIdentity.lead("fresh-start"), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_worker_with_a_valid_body_is_created_and_the_principal_reads_the_claims() throws Exception {
        assertThat(call("POST", "/journeys", TestIdentity.worker("fresh-start"), VALID).statusCode()).isEqualTo(201);

        JsonNode me = json.readTree(call("GET", "/whoami", TestIdentity.lead("move-on"), null).body());
        assertThat(me.path("organisation").asString()).isEqualTo("move-on");
        assertThat(me.path("roles").get(0).asString()).isEqualTo("lead");
        assertThat(me.path("subject").asString()).startsWith("test-lead-");
    }

    @Test
    void an_invalid_body_is_400_naming_each_field_and_reason_and_nothing_is_stored() throws Exception {
        String invalid = """
                {"person":{"fullName":" ","dateOfBirth":null},"door":"refused-door"}""";

        JsonNode body = problem(call("POST", "/journeys", TestIdentity.worker("fresh-start"), invalid), 400);

        assertThat(body.path("errors")).hasSize(2);
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("person.dateOfBirth");
        assertThat(body.path("errors").get(0).path("reason").asString()).isEqualTo("must not be null");
        assertThat(body.path("errors").get(1).path("field").asString()).isEqualTo("person.fullName");
        assertThat(body.path("errors").get(1).path("reason").asString()).isEqualTo("must not be blank");
        assertThat(PeopleController.STORED).doesNotContain("refused-door");
    }

    @Test
    void an_unreadable_date_is_400_naming_the_field_without_echoing_the_value() throws Exception {
        String badDate = """
                {"person":{"fullName":"Ailsa Test","dateOfBirth":"1990-13-45"},"door":"d"}""";

        HttpResponse<String> response = call("POST", "/journeys", TestIdentity.worker("fresh-start"), badDate);

        JsonNode body = problem(response, 400);
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("person.dateOfBirth");
        assertThat(body.path("errors").get(0).path("reason").asString()).contains("yyyy-MM-dd");
        assertThat(response.body()).doesNotContain("1990-13-45");
    }

    @Test
    void a_wrong_type_and_malformed_json_are_400_naming_where() throws Exception {
        JsonNode wrongType = problem(call("POST", "/journeys", TestIdentity.worker("fresh-start"),
                "{\"person\":\"Ailsa\",\"door\":\"d\"}"), 400);
        JsonNode malformed = problem(call("POST", "/journeys", TestIdentity.worker("fresh-start"),
                "{\"person\": {"), 400);

        assertThat(wrongType.path("errors").get(0).path("field").asString()).isEqualTo("person");
        assertThat(wrongType.path("errors").get(0).path("reason").asString()).isEqualTo("must be an object");
        assertThat(malformed.path("errors").get(0).path("field").asString()).isNotBlank();
    }

    @Test
    void an_unknown_code_is_400_naming_the_field_the_service_chose_and_the_valid_codes() throws Exception {
        String body = """
                {"person":{"fullName":"Ailsa Test","dateOfBirth":"1990-04-01"},"door":"coded","theme":"weather"}""";

        JsonNode named = problem(call("POST", "/journeys", TestIdentity.worker("fresh-start"), body), 400);
        JsonNode unnamed = problem(call("GET", "/codes/weather", TestIdentity.worker("fresh-start"), null), 400);

        assertThat(named.path("errors").get(0).path("field").asString()).isEqualTo("theme");
        assertThat(named.path("errors").get(0).path("reason").asString()).contains("weather").contains("housing");
        assertThat(unnamed.path("type").asString()).isEqualTo("https://bothy.org/problems/unknown-code");
        assertThat(unnamed.path("errors").get(0).path("field").asString()).isEqualTo("theme");
        assertThat(PeopleController.STORED).doesNotContain("coded");
    }

    @Test
    void not_found_is_404_and_conflict_is_409() throws Exception {
        JsonNode notFound = problem(call("GET", "/journeys/j-1", TestIdentity.worker("fresh-start"), null), 404);
        JsonNode conflict = problem(call("POST", "/journeys/j-1/close", TestIdentity.worker("fresh-start"), null), 409);

        assertThat(notFound.path("type").asString()).isEqualTo("https://bothy.org/problems/not-found");
        assertThat(conflict.path("type").asString()).isEqualTo("https://bothy.org/problems/conflict");
    }

    @Test
    void a_spring_refusal_gets_a_bothy_problem_type_too() throws Exception {
        JsonNode body = problem(call("DELETE", "/whoami", TestIdentity.worker("fresh-start"), null), 405);

        assertThat(body.path("type").asString()).isEqualTo("https://bothy.org/problems/http-405");
    }

    @Test
    void health_prometheus_and_api_docs_need_no_token() throws Exception {
        HttpResponse<String> health = call("GET", "/actuator/health", null, null);
        HttpResponse<String> liveness = call("GET", "/actuator/health/liveness", null, null);
        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> apiDocs = call("GET", "/v3/api-docs", null, null);

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("bearer-jwt").contains("/journeys");
        assertThat(call("GET", "/actuator/metrics", null, null).statusCode()).isEqualTo(401);
    }
}
