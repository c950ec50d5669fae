package org.bothy.place;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralEvent;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Referral flows between partners on real Kafka and PostgreSQL: made, accepted, declined and pending by month, a
 * repeat delivery counted once, the sealed details and reasons never stored, an invalid referral dead-lettered with
 * its reason, the filters and CSV, and an erasure by the referrer removing what it contributed for the person.
 */
class ReferralFlowTest extends PlaceServiceTestBase {

    private static final String HILL = "flow-hill";
    private static final String GLEN = "flow-glen";
    private static final String REASON = "Needs a tenancy support worker before the hearing";

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void flowsCountMadeAcceptedDeclinedAndPendingAndAnErasureRemovesTheReferrersRows() throws Exception {
        String ailsa = LearningRecords.pseudonym("flow-ailsa");
        String bruce = LearningRecords.pseudonym("flow-bruce");
        String cait = LearningRecords.pseudonym("flow-cait");
        String dougie = LearningRecords.pseudonym("flow-dougie");
        Instant march = Instant.parse("2026-03-10T10:00:00Z");
        Instant april = Instant.parse("2026-04-02T10:00:00Z");
        ReferralMade toAilsa = made(HILL, GLEN, ailsa, List.of("housing", "debt"), march);
        ReferralMade toBruce = made(HILL, GLEN, bruce, List.of("housing"), march);
        ReferralMade toCait = made(HILL, GLEN, cait, List.of("employment"), march);
        ReferralMade back = made(GLEN, HILL, dougie, List.of("mental-health"), april);
        ReferralMade unknownTheme = made(GLEN, HILL, dougie, List.of("weather"), april);
        LearningRecords.send(
                referral(toAilsa), referral(toAilsa), referral(toBruce), referral(toCait), referral(back),
                referral(unknownTheme),
                referral(new ReferralAccepted(UUID.randomUUID().toString(), march.plusSeconds(3600), toAilsa.referralId(), HILL, GLEN)),
                referral(new ReferralDeclined(UUID.randomUUID().toString(), march.plusSeconds(7200), toBruce.referralId(), HILL, GLEN,
                        "No space until the summer")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/referrals/flows?organisation=" + HILL, TestIdentity.placeLead(), null).body())
                        .isEqualTo("[{\"month\":\"2026-03\",\"fromOrganisation\":\"flow-hill\",\"toOrganisation\":\"flow-glen\","
                                + "\"made\":3,\"accepted\":1,\"declined\":1,\"pending\":1},"
                                + "{\"month\":\"2026-04\",\"fromOrganisation\":\"flow-glen\",\"toOrganisation\":\"flow-hill\","
                                + "\"made\":1,\"accepted\":0,\"declined\":0,\"pending\":1}]"));

        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = 'referral_made'",
                String.class)).as("no sealed details and no reason kept")
                .containsExactlyInAnyOrder("event_id", "referral_id", "from_organisation", "to_organisation", "pseudonym",
                        "themes", "made_at");
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = 'referral_answer'",
                String.class)).doesNotContain("reason");
        List<ConsumerRecord<String, byte[]>> letters = RealKafka.readAll(Topics.LEARNING_DLT, Duration.ofSeconds(30)).stream()
                .filter(letter -> Topics.REFERRALS.equals(header(letter, Topics.DLT_TOPIC)))
                .filter(letter -> unknownTheme.eventId().equals(header(letter, "ce_id")))
                .toList();
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), Topics.DLT_REASON)).contains("weather");

        assertThat(get("/referrals/flows?organisation=" + HILL + "&theme=housing&to=2026-03-31", TestIdentity.admin(), null).body())
                .as("Ailsa and Bruce were referred about housing")
                .isEqualTo("[{\"month\":\"2026-03\",\"fromOrganisation\":\"flow-hill\",\"toOrganisation\":\"flow-glen\","
                        + "\"made\":2,\"accepted\":1,\"declined\":1,\"pending\":0}]");
        HttpResponse<String> csv = get("/referrals/flows?format=csv&organisation=" + GLEN + "&from=2026-04-01",
                TestIdentity.placeLead(), null);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo("month,fromOrganisation,toOrganisation,made,accepted,declined,pending\r\n"
                + "2026-04,flow-glen,flow-hill,1,0,0,1\r\n");
        assertThat(get("/referrals/flows", TestIdentity.statutory("dwp"), null).statusCode()).isEqualTo(403);
        assertThat(get("/referrals/flows?theme=weather", TestIdentity.placeLead(), null).body()).contains("\"field\":\"theme\"");

        LearningRecords.send(LearningRecords.record(ORG_A_TOPIC,
                new PersonErased(UUID.randomUUID().toString(), Instant.now(), HILL, ailsa)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/referrals/flows?organisation=" + HILL + "&to=2026-03-31", TestIdentity.placeLead(), null).body())
                        .isEqualTo("[{\"month\":\"2026-03\",\"fromOrganisation\":\"flow-hill\",\"toOrganisation\":\"flow-glen\","
                                + "\"made\":2,\"accepted\":0,\"declined\":1,\"pending\":1}]"));
        assertThat(jdbc.queryForObject("select count(*) from referral_made where pseudonym = ?", Long.class, ailsa)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from referral_answer where referral_id = ?", Long.class,
                toAilsa.referralId())).isZero();
    }

    private static ReferralMade made(String from, String to, String pseudonym, List<String> themes, Instant at) {
        return new ReferralMade(UUID.randomUUID().toString(), at, UUID.randomUUID().toString(), from, to, pseudonym, REASON,
                themes, new SealedEnvelope(SealedEnvelope.ALGORITHM, "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
                "AAECAwQFBgcICQoL", "3q2+7wAREiIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u"));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> referral(ReferralEvent event) {
        return LearningRecords.record(Topics.REFERRALS, event);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
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
