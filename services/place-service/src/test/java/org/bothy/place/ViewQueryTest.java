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
 * The place leads' views over real HTTP: barriers by month, reach and the revolving door, every filter, a bad filter
 * refused naming each field, and CSV by Accept header and by {@code ?format=csv}. Organisations are unique to this
 * test so that other tests' rows do not count.
 */
class ViewQueryTest extends PlaceServiceTestBase {

    private static final String HILL = "view-hill";
    private static final String GLEN = "view-glen";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void barriersByMonthReachAndTheRevolvingDoorAnswerEveryFilterAndExportAsCsv() throws Exception {
        String morag = LearningRecords.pseudonym("view-morag");
        String niall = LearningRecords.pseudonym("view-niall");
        String rona = LearningRecords.pseudonym("view-rona");
        Instant january = Instant.parse("2026-01-14T10:00:00Z");
        Instant february = Instant.parse("2026-02-03T10:00:00Z");
        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey(HILL, morag, january)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(HILL, morag, "employment", "jobcentre", january)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(HILL, morag, "employment", "jobcentre", february)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(HILL, niall, "employment", "jobcentre", february)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(HILL, niall, "digital-exclusion", "universal-credit", february)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey(GLEN, morag, february)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey(GLEN, rona, february)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/reach?organisation=" + GLEN, TestIdentity.placeLead(), null).body())
                        .isEqualTo("[{\"month\":\"2026-02\",\"organisation\":\"view-glen\",\"people\":2}]"));

        assertThat(get("/barriers/monthly?organisation=" + HILL + "&theme=employment", TestIdentity.placeLead(), null).body())
                .isEqualTo("[{\"month\":\"2026-01\",\"organisation\":\"view-hill\",\"theme\":\"employment\",\"systemActor\":\"jobcentre\",\"people\":1},"
                        + "{\"month\":\"2026-02\",\"organisation\":\"view-hill\",\"theme\":\"employment\",\"systemActor\":\"jobcentre\",\"people\":2}]");
        assertThat(get("/barriers?organisation=" + HILL + "&from=2026-02-01&to=2026-02-28", TestIdentity.admin(), null).body())
                .as("February only: two people met employment, one met digital exclusion")
                .isEqualTo("[{\"theme\":\"employment\",\"systemActor\":\"jobcentre\",\"people\":2,\"organisations\":1},"
                        + "{\"theme\":\"digital-exclusion\",\"systemActor\":\"universal-credit\",\"people\":1,\"organisations\":1}]");
        assertThat(get("/barriers?organisation=" + HILL + "&to=2026-01-31", TestIdentity.admin(), null).body())
                .isEqualTo("[{\"theme\":\"employment\",\"systemActor\":\"jobcentre\",\"people\":1,\"organisations\":1}]");

        assertThat(get("/reach?organisation=" + HILL, TestIdentity.placeLead(), null).body())
                .isEqualTo("[{\"month\":\"2026-01\",\"organisation\":\"view-hill\",\"people\":1},"
                        + "{\"month\":\"2026-02\",\"organisation\":\"view-hill\",\"people\":2}]");
        assertThat(get("/reach?organisation=" + HILL + "&systemActor=universal-credit", TestIdentity.placeLead(), null).body())
                .as("only Niall met universal credit at the hill")
                .isEqualTo("[{\"month\":\"2026-02\",\"organisation\":\"view-hill\",\"people\":1}]");
        assertThat(get("/reach/revolving-door?organisation=" + GLEN, TestIdentity.placeLead(), null).body())
                .as("Morag came to both doors; Rona only to the glen")
                .isEqualTo("[{\"organisation\":\"view-glen\",\"people\":2,\"seenElsewhereToo\":1}]");

        HttpResponse<String> csv = get("/reach?organisation=" + HILL, TestIdentity.placeLead(), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo("month,organisation,people\r\n2026-01,view-hill,1\r\n2026-02,view-hill,2\r\n");
        HttpResponse<String> byParameter = get("/barriers/monthly?format=csv&organisation=" + HILL + "&theme=digital-exclusion",
                TestIdentity.placeLead(), null);
        assertThat(byParameter.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(byParameter.body()).isEqualTo(
                "month,organisation,theme,systemActor,people\r\n2026-02,view-hill,digital-exclusion,universal-credit,1\r\n");
    }

    @Test
    void everyBadFilterIsNamedWithItsReason() throws Exception {
        HttpResponse<String> bad = get("/reach?from=last-tuesday&to=2026-13-01&organisation=Fresh%20Start&theme=weather",
                TestIdentity.placeLead(), null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("\"field\":\"from\"").contains("\"field\":\"to\"")
                .contains("\"field\":\"organisation\"").contains("\"field\":\"theme\"").doesNotContain("\"field\":\"systemActor\"");
        HttpResponse<String> backwards = get("/barriers/monthly?from=2026-03-01&to=2026-02-01", TestIdentity.placeLead(), null);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"to\"").contains("must not be before from");
        HttpResponse<String> badAsCsv = get("/barriers?format=csv&systemActor=the-weather", TestIdentity.placeLead(), null);
        assertThat(badAsCsv.statusCode()).isEqualTo(400);
        assertThat(badAsCsv.body()).contains("\"field\":\"systemActor\"");
    }

    @Test
    void onlyPlaceLeadsAndAdministratorsSeeTheViews() throws Exception {
        assertThat(get("/reach", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/reach", TestIdentity.worker("fresh-start"), null).statusCode()).isEqualTo(403);
        assertThat(get("/reach/revolving-door", TestIdentity.statutory("dwp"), null).statusCode()).isEqualTo(403);
        assertThat(get("/barriers/monthly", TestIdentity.statutory("dwp"), null).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String token, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
