package org.bothy.place;

import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild on real Kafka and PostgreSQL: every projection is read again from the topics into shadow tables while
 * the views keep answering, progress is shown, the tables swap, a row lost from the live tables comes back, and the
 * live intake carries on from the rebuilt offsets.
 */
class RebuildTest extends PlaceServiceTestBase {

    private static final String STRATH = "rebuild-strath";
    private static final String REFERRAL = "\"fromOrganisation\":\"rebuild-strath\",\"toOrganisation\":\"rebuild-glen\","
            + "\"made\":1,\"accepted\":0,\"declined\":0,\"pending\":1";
    // A whole month: read from the month's tallies.
    private static final String MONTH_OF_STRATH = "/barriers/monthly?organisation=" + STRATH + "&from=2026-09-01&to=2026-09-30";
    private static final String EXPECTED = "[{\"theme\":\"education\",\"systemActor\":\"school\",\"people\":2,\"organisations\":1}]";

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void rebuildsFromTheTopicsWhileTheViewsKeepAnsweringThenSwaps() throws Exception {
        String ailig = LearningRecords.pseudonym("rebuild-ailig");
        String beathag = LearningRecords.pseudonym("rebuild-beathag");
        Instant at = Instant.parse("2026-09-01T09:00:00Z");
        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(STRATH, ailig, "education", "school", at)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(STRATH, beathag, "education", "school", at)),
                LearningRecords.record(Topics.REFERRALS, new ReferralMade(UUID.randomUUID().toString(), at,
                        UUID.randomUUID().toString(), STRATH, "rebuild-glen", ailig, "Wants help with school", List.of("education"),
                        new SealedEnvelope(SealedEnvelope.ALGORITHM, "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
                                "AAECAwQFBgcICQoL", "3q2+7wAREiIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u"))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/barriers?organisation=" + STRATH, TestIdentity.placeLead()).body()).isEqualTo(EXPECTED);
            assertThat(get("/referrals/flows?organisation=" + STRATH, TestIdentity.placeLead()).body()).contains(REFERRAL);
        });

        // A live row lost (as if by an operator's mistake), and the tally it made: only the topics can give them back.
        jdbc.update("delete from barrier_observation where organisation = ? and pseudonym = ?", STRATH, beathag);
        jdbc.update("delete from barrier_person where organisation = ? and pseudonym = ?", STRATH, beathag);
        jdbc.update("update barrier_people_at set people = people - 1 where organisation = ?", STRATH);
        jdbc.update("delete from barrier_person_month where organisation = ? and pseudonym = ?", STRATH, beathag);
        jdbc.update("update barrier_month_people_at set people = people - 1 where organisation = ?", STRATH);
        jdbc.update("delete from referral_made where from_organisation = ?", STRATH);
        assertThat(get("/referrals/flows?organisation=" + STRATH, TestIdentity.placeLead()).body()).isEqualTo("[]");
        assertThat(get("/barriers?organisation=" + STRATH, TestIdentity.placeLead()).body()).contains("\"people\":1");
        assertThat(get(MONTH_OF_STRATH, TestIdentity.placeLead()).body()).contains("\"people\":1");

        assertThat(post("/admin/rebuild", TestIdentity.placeLead()).statusCode()).as("administrators only").isEqualTo(403);
        HttpResponse<String> started = post("/admin/rebuild", TestIdentity.admin());
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.body()).contains("\"state\":\"REBUILDING\"");

        List<Integer> statuses = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            // Queries keep answering from the current tables the whole time.
            statuses.add(get("/barriers?organisation=" + STRATH, TestIdentity.placeLead()).statusCode());
            assertThat(get("/admin/rebuild", TestIdentity.admin()).body()).contains("\"state\":\"DONE\"");
        });
        assertThat(statuses).isNotEmpty().containsOnly(200);

        String done = get("/admin/rebuild", TestIdentity.admin()).body();
        assertThat(done).contains("\"failure\":null");
        long total = Long.parseLong(done.replaceAll(".*\"eventsTotal\":(\\d+).*", "$1"));
        long applied = Long.parseLong(done.replaceAll(".*\"eventsDone\":(\\d+).*", "$1"));
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(applied).isEqualTo(total);
        assertThat(get("/barriers?organisation=" + STRATH, TestIdentity.placeLead()).body())
                .as("the lost row is back, read again from the topic").isEqualTo(EXPECTED);
        assertThat(get(MONTH_OF_STRATH, TestIdentity.placeLead()).body()).as("and the month's tally")
                .isEqualTo("[{\"month\":\"2026-09\",\"organisation\":\"rebuild-strath\",\"theme\":\"education\","
                        + "\"systemActor\":\"school\",\"people\":2}]");
        assertThat(get("/referrals/flows?organisation=" + STRATH, TestIdentity.placeLead()).body())
                .as("the referrals topic is read again too").contains(REFERRAL);
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname in ('place_rebuild', 'place_retired')",
                Long.class)).as("no shadow left behind").isZero();

        // The live intake resumes from the rebuilt offsets: a new barrier is projected once, nothing twice.
        String catriona = LearningRecords.pseudonym("rebuild-catriona");
        LearningRecords.send(LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(STRATH, catriona, "education", "school", at)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/barriers?organisation=" + STRATH, TestIdentity.placeLead()).body()).contains("\"people\":3"));
        assertThat(jdbc.queryForObject("select count(*) from barrier_observation where organisation = ?", Long.class, STRATH))
                .isEqualTo(3L);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", TestIdentity.bearer(token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", TestIdentity.bearer(token))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
