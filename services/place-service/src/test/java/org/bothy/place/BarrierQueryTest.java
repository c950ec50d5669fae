package org.bothy.place;

import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /barriers} over real HTTP with real tokens: only place leads and administrators may read it, a filter
 * that is not a code is refused naming the field, and the answer counts people and organisations per pattern.
 */
class BarrierQueryTest extends PlaceServiceTestBase {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void withoutATokenIsUnauthorised() throws Exception {
        assertThat(get("/barriers", null).statusCode()).isEqualTo(401);
    }

    @Test
    void partnerWorkersAndStatutoryBodiesAreForbidden() throws Exception {
        assertThat(get("/barriers", TestIdentity.worker("fresh-start")).statusCode()).isEqualTo(403);
        assertThat(get("/barriers", TestIdentity.lead("move-on")).statusCode()).isEqualTo(403);
        assertThat(get("/barriers", TestIdentity.statutory("dwp")).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownFilterCodeIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> badTheme = get("/barriers?theme=weather", TestIdentity.placeLead());
        assertThat(badTheme.statusCode()).isEqualTo(400);
        assertThat(badTheme.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(badTheme.body()).contains("\"field\":\"theme\"").contains("unknown theme 'weather'");

        HttpResponse<String> badActor = get("/barriers?systemActor=the-weather", TestIdentity.admin());
        assertThat(badActor.statusCode()).isEqualTo(400);
        assertThat(badActor.body()).contains("\"field\":\"systemActor\"").doesNotContain("\"field\":\"theme\"");
    }

    @Test
    void placeLeadsAndAdministratorsSeeCountsPerPattern() throws Exception {
        String eilidh = LearningRecords.pseudonym("eilidh");
        String fraser = LearningRecords.pseudonym("fraser");
        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("spartans", eilidh, "mental-health", "gp", Instant.now())),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("north-edinburgh-arts", fraser, "mental-health", "gp", Instant.now())),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier("spartans", eilidh, "mental-health", "gp", Instant.now())));

        String expected = "[{\"theme\":\"mental-health\",\"systemActor\":\"gp\",\"people\":2,\"organisations\":2}]";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = get("/barriers?theme=mental-health&systemActor=gp", TestIdentity.placeLead());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(expected);
        });
        HttpResponse<String> asAdmin = get("/barriers?systemActor=gp", TestIdentity.admin());
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).isEqualTo(expected);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
