package org.bothy.place;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.disclosed.DisclosedBarrierCount;
import org.bothy.place.disclosed.DisclosedViews;
import org.bothy.place.query.ViewFilters;
import org.bothy.place.reach.ReachCounts;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a statutory body may see: barriers and reach as tables whose every count and total went through disclosure
 * control, checked against tables worked by hand; and nothing else. Dates (2011, 2012) are used by no other test.
 */
class DisclosedViewTest extends PlaceServiceTestBase {

    private static final String NORTH = "disc-north";
    private static final String SOUTH = "disc-south";

    @Autowired
    BarrierCounts barrierCounts;
    @Autowired
    ReachCounts reachCounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /*
     * Barriers at the north in 2012, people (patterns no other test counts; gp = GP, mhs = mental health services,
     * swf = Scottish Welfare Fund):
     *                     gp  mhs  swf  all                           gp  mhs  swf  all
     *   physical-health    0    6    5   11      shown (threshold 5):   0    *    *   11
     *   welfare-benefits   7    0    2    9                             *    0   <5    9
     *   all                7    6    7   20                             *    *    7   20
     * 2 is small; its row then hides 7, its column 5; the 7's column has no other body cell, so its total goes;
     * the 5 leaves physical-health with one hidden, so 6 goes, and then the mental-health-services total.
     *
     * Reach in 2011, people:                                      shown:
     *             north  south  all                                  north  south  all
     *   2011-03     6      3     9                                     *     <5     9
     *   2011-04     8      5    13                                     *      *    13
     *   all        14      8    22                                    14      8    22
     */
    @Test
    void barriersAndReachAreShownOnlyAfterDisclosureControlWorkedByHand() throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Instant may2012 = Instant.parse("2012-05-15T10:00:00Z");
        barriers(records, "welfare-benefits", "gp", 7, may2012);
        barriers(records, "welfare-benefits", "scottish-welfare-fund", 2, may2012);
        barriers(records, "physical-health", "mental-health-services", 6, may2012);
        barriers(records, "physical-health", "scottish-welfare-fund", 5, may2012);
        journeys(records, NORTH, Instant.parse("2011-03-10T10:00:00Z"), 6);
        journeys(records, SOUTH, Instant.parse("2011-03-11T10:00:00Z"), 3);
        journeys(records, NORTH, Instant.parse("2011-04-10T10:00:00Z"), 8);
        journeys(records, SOUTH, Instant.parse("2011-04-11T10:00:00Z"), 5);
        @SuppressWarnings("unchecked")
        ProducerRecord<String, byte[]>[] all = records.toArray(ProducerRecord[]::new);
        LearningRecords.send(all);

        String statutory = TestIdentity.statutory("city-of-edinburgh-council");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/disclosed/reach?from=2011-01-01&to=2011-12-31", statutory, "text/csv").body())
                        .isEqualTo("""
                                month,organisation,people\r
                                2011-03,disc-north,*\r
                                2011-03,disc-south,<5\r
                                2011-03,all,9\r
                                2011-04,disc-north,*\r
                                2011-04,disc-south,*\r
                                2011-04,all,13\r
                                all,disc-north,14\r
                                all,disc-south,8\r
                                all,all,22\r
                                """));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/disclosed/barriers?format=csv&organisation=" + NORTH + "&from=2012-01-01&to=2012-12-31",
                        statutory, null).body())
                        .isEqualTo("""
                                theme,systemActor,people\r
                                physical-health,gp,0\r
                                physical-health,mental-health-services,*\r
                                physical-health,scottish-welfare-fund,*\r
                                physical-health,all,11\r
                                welfare-benefits,gp,*\r
                                welfare-benefits,mental-health-services,0\r
                                welfare-benefits,scottish-welfare-fund,<5\r
                                welfare-benefits,all,9\r
                                all,gp,*\r
                                all,mental-health-services,*\r
                                all,scottish-welfare-fund,7\r
                                all,all,20\r
                                """));
        HttpResponse<String> json = get("/disclosed/barriers?organisation=" + NORTH + "&theme=welfare-benefits&from=2012-01-01",
                TestIdentity.placeLead(), null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).as("one row: 7 and 2 with a total of 9, so the 7 must go too")
                .isEqualTo("[{\"theme\":\"welfare-benefits\",\"systemActor\":\"gp\",\"people\":\"*\"},"
                        + "{\"theme\":\"welfare-benefits\",\"systemActor\":\"scottish-welfare-fund\",\"people\":\"<5\"},"
                        + "{\"theme\":\"welfare-benefits\",\"systemActor\":\"all\",\"people\":\"9\"},"
                        + "{\"theme\":\"all\",\"systemActor\":\"gp\",\"people\":\"*\"},"
                        + "{\"theme\":\"all\",\"systemActor\":\"scottish-welfare-fund\",\"people\":\"<5\"},"
                        + "{\"theme\":\"all\",\"systemActor\":\"all\",\"people\":\"9\"}]");

        DisclosedViews atThree = new DisclosedViews(barrierCounts, reachCounts, 3);
        assertThat(atThree.barriers(new ViewFilters(LocalDate.parse("2012-01-01"), null, NORTH, "welfare-benefits", null)))
                .as("the threshold is configurable: 2 is still small at 3")
                .contains(new DisclosedBarrierCount("welfare-benefits", "scottish-welfare-fund", "<3"));
        assertThat(get("/disclosed/reach?from=2011-03-01&to=not-a-day", statutory, null).body()).contains("\"field\":\"to\"");
    }

    @Test
    void aStatutoryBodyReadsTheDisclosedViewsAndNothingElse() throws Exception {
        String statutory = TestIdentity.statutory("nhs-lothian");
        assertThat(get("/disclosed/barriers", statutory, null).statusCode()).isEqualTo(200);
        assertThat(get("/disclosed/reach", statutory, null).statusCode()).isEqualTo(200);
        for (String path : List.of("/barriers", "/barriers/monthly", "/reach", "/reach/revolving-door", "/issues", "/cost",
                "/soft-measures", "/learning?q=housing", "/learning-cycles", "/lm3", "/referrals/flows", "/admin/rebuild",
                "/no-such-view")) {
            assertThat(get(path, statutory, null).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(get("/no-such-view", TestIdentity.placeLead(), null).statusCode()).isEqualTo(404);
        assertThat(get("/disclosed/barriers", TestIdentity.worker("fresh-start"), null).statusCode()).isEqualTo(403);
        assertThat(get("/disclosed/reach", TestIdentity.admin(), null).statusCode()).isEqualTo(200);
        assertThat(get("/disclosed/reach", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/barriers", null, null).statusCode()).isEqualTo(401);
    }

    private static void barriers(List<ProducerRecord<String, byte[]>> records, String theme, String actor, int people,
                                 Instant at) {
        for (int i = 0; i < people; i++) {
            String who = LearningRecords.pseudonym("disc-" + theme + "-" + actor + "-" + i);
            records.add(LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(NORTH, who, theme, actor, at)));
        }
    }

    private static void journeys(List<ProducerRecord<String, byte[]>> records, String organisation, Instant at, int people) {
        for (int i = 0; i < people; i++) {
            String who = LearningRecords.pseudonym("disc-" + organisation + "-" + at + "-" + i);
            records.add(LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey(organisation, who, at)));
        }
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
