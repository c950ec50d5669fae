package org.bothy.partner.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerServiceApplication;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two partner services — Fresh Start and Move On, each with its own database and referral key pair — on one real
 * Kafka broker: a referral made with consent arrives in the receiver's inbox, is accepted or declined there, and
 * the referrer sees the answer; without consent nothing is sent, and no name crosses the broker in clear.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralBetweenPartnersTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurableApplicationContext freshStart;
    private ConfigurableApplicationContext moveOn;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String freshStartWorker = TestIdentity.worker("fresh-start");
    private final String moveOnWorker = TestIdentity.worker("move-on");

    @BeforeAll
    void twoPartnersOnOneBroker() throws Exception {
        KeyPair freshStartKeys = keyPair();
        KeyPair moveOnKeys = keyPair();
        freshStart = partner("fresh-start", "partner_referral_fresh_start", freshStartKeys, "move-on", moveOnKeys);
        moveOn = partner("move-on", "partner_referral_move_on", moveOnKeys, "fresh-start", freshStartKeys);
    }

    @AfterAll
    void stop() {
        if (moveOn != null) {
            moveOn.close();
        }
        if (freshStart != null) {
            freshStart.close();
        }
    }

    @Test
    void aReferralWithConsentIsAcceptedAtTheOtherPartnerAndTheReferrerSeesIt(CapturedOutput logs) throws Exception {
        String name = unique("Morag MacLeod");
        String referredPersonId = register(name, "1984-03-02", "referral:move-on").get("personId").asText();
        String journeyId = openJourney(referredPersonId);

        HttpResponse<String> referred = post(freshStart, "/journeys/" + journeyId + "/referrals", freshStartWorker, """
                {"to": "move-on", "reason": "Needs tenancy support before the hearing.", "themes": ["housing", "debt"]}""");
        assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        String referralId = JSON.readTree(referred.body()).get("referralId").asText();

        JsonNode waiting = awaitItem(moveOn, "/referrals/inbox", moveOnWorker, referralId, "WAITING");
        assertThat(waiting.get("fromOrganisation").asText()).isEqualTo("fresh-start");
        assertThat(waiting.get("fullName").asText()).isEqualTo(name);
        assertThat(waiting.get("email").asText()).isEqualTo("morag@example.org");
        assertThat(waiting.get("reason").asText()).isEqualTo("Needs tenancy support before the hearing.");
        assertThat(waiting.get("themes")).extracting(JsonNode::asText).containsExactly("housing", "debt");
        deliveredAgainChangesNothing(referralId);

        HttpResponse<String> accepted = post(moveOn, "/referrals/" + referralId + "/acceptance", moveOnWorker, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode opened = JSON.readTree(accepted.body());
        JsonNode personThere = JSON.readTree(get(moveOn, "/people/" + opened.get("personId").asText(), moveOnWorker).body());
        assertThat(personThere.get("fullName").asText()).isEqualTo(name);
        assertThat(personThere.get("contact").get("phone").asText()).isEqualTo("0131 496 0001");
        assertThat(get(moveOn, "/journeys/" + opened.get("journeyId").asText(), moveOnWorker).statusCode()).isEqualTo(200);
        assertThat(post(moveOn, "/referrals/" + referralId + "/acceptance", moveOnWorker, "").statusCode()).isEqualTo(409);

        JsonNode answered = awaitItem(freshStart, "/referrals/outbox", freshStartWorker, referralId, "ACCEPTED");
        assertThat(answered.get("toOrganisation").asText()).isEqualTo("move-on");
        // each side's subject access export holds the referral: made there, received here onto the new journey
        JsonNode madeThere = JSON.readTree(get(freshStart, "/people/" + referredPersonId + "/export", freshStartWorker)
                .body()).get("referrals").get("made");
        assertThat(madeThere).extracting(made -> made.get("referralId").asText() + "=" + made.get("status").asText())
                .containsExactly(referralId + "=ACCEPTED");
        assertThat(madeThere.get(0).get("reason").asText()).isEqualTo("Needs tenancy support before the hearing.");
        JsonNode receivedHere = JSON.readTree(get(moveOn, "/people/" + opened.get("personId").asText() + "/export",
                moveOnWorker).body()).get("referrals").get("received");
        assertThat(receivedHere).extracting(received -> received.get("referralId").asText() + "@"
                + received.get("journeyId").asText()).containsExactly(referralId + "@" + opened.get("journeyId").asText());
        assertThat(receivedHere.get(0).get("fromOrganisation").asText()).isEqualTo("fresh-start");
        assertThat(item(moveOn, "/referrals/inbox", moveOnWorker, referralId).get("status").asText()).isEqualTo("ACCEPTED");

        List<ConsumerRecord<String, byte[]>> onTheBroker = RealKafka.readAll(Topics.REFERRALS, Duration.ofSeconds(10));
        assertThat(onTheBroker).anySatisfy(record -> assertThat(record.key()).isEqualTo("move-on"));
        assertThat(onTheBroker).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain(name).doesNotContain("MacLeod").doesNotContain("morag@").doesNotContain("1984-03-02"));
        assertThat(logs.getAll()).doesNotContain(name).doesNotContain("morag@");
        // the referrer kept no sealed details once the broker had them
        assertThat(jdbc(freshStart).queryForObject("select count(*) from referral_outbox", Integer.class)).isZero();
    }

    @Test
    void aDeclinedReferralTellsTheReferrerWhyAndWhatCannotBeAppliedIsDeadLettered() throws Exception {
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.REFERRALS, "move-on", "not a referral".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        String journeyId = journeyFor(unique("Iain Stewart"), "1979-11-12", "referral:move-on");
        String referralId = JSON.readTree(post(freshStart, "/journeys/" + journeyId + "/referrals", freshStartWorker, """
                {"to": "move-on", "reason": "Looking for work; Move On runs an employability group.", "themes": ["employment"]}""")
                .body()).get("referralId").asText();
        awaitItem(moveOn, "/referrals/inbox", moveOnWorker, referralId, "WAITING");
        // an answer from a partner the referral did not go to is refused by the referral and set aside
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(freshStart.getBean(ContractCodec.class).toRecord(Topics.REFERRALS, "/bothy/partner/spartans",
                    new ReferralAccepted(UUID.randomUUID().toString(), Instant.now(), referralId, "fresh-start",
                            "spartans"))).get();
        }

        assertThat(post(moveOn, "/referrals/" + referralId + "/decline", moveOnWorker, "{\"reason\": \" \"}").statusCode())
                .isEqualTo(400);
        assertThat(post(moveOn, "/referrals/" + referralId + "/decline", moveOnWorker, """
                {"reason": "The group is full until March; Spartans run one on Tuesdays."}""").statusCode()).isEqualTo(204);

        JsonNode answered = awaitItem(freshStart, "/referrals/outbox", freshStartWorker, referralId, "DECLINED");
        assertThat(answered.get("declineReason").asText()).isEqualTo("The group is full until March; Spartans run one on Tuesdays.");
        JsonNode declined = item(moveOn, "/referrals/inbox", moveOnWorker, referralId);
        assertThat(declined.has("fullName")).isFalse();
        assertThat(jdbc(moveOn).queryForObject("select sealed_details from referral_received where referral_id = ?",
                String.class, referralId)).isNull();
        // (other test classes' partner services on this broker read the topic too, and set aside what is not theirs)
        awaitDeadLetter(record -> "move-on".equals(record.key())
                && "not a referral".equals(new String(record.value(), StandardCharsets.UTF_8)), "ce_specversion");
        awaitDeadLetter(record -> "fresh-start".equals(record.key())
                && new String(record.value(), StandardCharsets.UTF_8).contains(referralId),
                "went to move-on, so spartans cannot answer it");
    }

    private void awaitDeadLetter(java.util.function.Predicate<ConsumerRecord<String, byte[]>> which, String reason) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                RealKafka.readAll(Topics.LEARNING_DLT, Duration.ofSeconds(2)).stream().filter(which).anyMatch(letter ->
                        header(letter, Topics.DLT_REASON).contains(reason)
                                && header(letter, Topics.DLT_TOPIC).equals(Topics.REFERRALS)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? ""
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aReferralWhoseViewsOrOutboxCannotBeWrittenIsNotDecided() {
        // the contract for the other partner is written by these handlers: a failure only logged would lose it
        assertThat(freshStart.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                .listenerInvocationErrorHandler(ReferralRecords.PROCESSOR))
                .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
    }

    @Test
    void withoutConsentToThatPartnerNothingIsReferred() throws Exception {
        String journeyId = journeyFor(unique("Ailsa Grant"), "1995-06-07", "referral:spartans");

        HttpResponse<String> refused = post(freshStart, "/journeys/" + journeyId + "/referrals", freshStartWorker, """
                {"to": "move-on", "reason": "Needs a warm handover.", "themes": ["housing"]}""");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("consent missing").contains("referral:move-on");
        assertThat(jdbc(freshStart).queryForObject("select count(*) from referral_sent where journey_id = ?",
                Integer.class, journeyId)).isZero();

        HttpResponse<String> invalid = post(freshStart, "/journeys/" + journeyId + "/referrals", freshStartWorker, """
                {"to": "nowhere", "reason": "", "themes": ["housing", "weather"]}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"reason\"");
        HttpResponse<String> unknown = post(freshStart, "/journeys/" + journeyId + "/referrals", freshStartWorker, """
                {"to": "nowhere", "reason": "x", "themes": ["weather"]}""");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"to\"").contains("themes[0]");

        String closedJourney = journeyFor(unique("Euan Ross"), "1991-02-03", "referral:move-on");
        assertThat(post(freshStart, "/journeys/" + closedJourney + "/closure", freshStartWorker, "{}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> fromAClosedJourney = post(freshStart, "/journeys/" + closedJourney + "/referrals",
                freshStartWorker, """
                {"to": "move-on", "reason": "Needs a warm handover.", "themes": ["housing"]}""");
        assertThat(fromAClosedJourney.statusCode()).isEqualTo(409);
        assertThat(fromAClosedJourney.body()).contains("is closed");
        assertThat(jdbc(freshStart).queryForObject("select count(*) from referral_sent where journey_id = ?",
                Integer.class, closedJourney)).isZero();
    }

    @Test
    void erasureAtTheReferrerLeavesNothingOfThePersonInTheReferral() throws Exception {
        String name = unique("Fiona Duncan");
        JsonNode registered = register(name, "1988-09-09", "referral:move-on");
        String personId = registered.get("personId").asText();
        String journeyId = openJourney(personId);
        String referralId = JSON.readTree(post(freshStart, "/journeys/" + journeyId + "/referrals", freshStartWorker, """
                {"to": "move-on", "reason": "Fiona Duncan's rent arrears need an advocate.", "themes": ["debt"]}""")
                .body()).get("referralId").asText();
        awaitItem(moveOn, "/referrals/inbox", moveOnWorker, referralId, "WAITING");

        assertThat(post(freshStart, "/people/" + personId + "/erasure", TestIdentity.lead("fresh-start"), "").statusCode())
                .isEqualTo(204);

        JsonNode kept = item(freshStart, "/referrals/outbox", freshStartWorker, referralId);
        assertThat(kept.get("personErased").asBoolean()).isTrue();
        assertThat(kept.has("reason")).isFalse();
        String rows = String.join("|", jdbc(freshStart).queryForList(
                "select cast(r as text) from referral_sent r where referral_id = ?", String.class, referralId));
        assertThat(rows).doesNotContain("Duncan").doesNotContain("rent arrears");
        // nothing anywhere in the referrer's database, the event store's raw bytes included, names the person
        assertThat(rawBytesOfEveryTable(freshStart)).doesNotContain("Duncan").doesNotContain(hex("Duncan"))
                .doesNotContain("rent arrears").doesNotContain(hex("rent arrears"))
                .doesNotContain("Fiona").doesNotContain(hex("Fiona"));

        // the receiver took them on, and later erases them too: nothing there names them either
        HttpResponse<String> accepted = post(moveOn, "/referrals/" + referralId + "/acceptance", moveOnWorker, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String personThere = JSON.readTree(accepted.body()).get("personId").asText();
        assertThat(post(moveOn, "/people/" + personThere + "/erasure", TestIdentity.lead("move-on"), "").statusCode())
                .isEqualTo(204);
        assertThat(item(moveOn, "/referrals/inbox", moveOnWorker, referralId).has("reason")).isFalse();
        assertThat(rawBytesOfEveryTable(moveOn)).doesNotContain("Duncan").doesNotContain(hex("Duncan"))
                .doesNotContain("rent arrears").doesNotContain(hex("rent arrears"))
                .doesNotContain("Fiona").doesNotContain(hex("Fiona"));
    }

    @Test
    void afterErasureTheReferrersRecordOfADeclineHoldsNothingOfThePerson() throws Exception {
        String name = unique("Kirsty Baird");
        JsonNode registered = register(name, "1990-04-04", "referral:move-on");
        String personId = registered.get("personId").asText();
        String referralId = JSON.readTree(post(freshStart, "/journeys/" + openJourney(personId) + "/referrals",
                freshStartWorker, """
                {"to": "move-on", "reason": "Kirsty needs a quiet space to study.", "themes": ["education"]}""")
                .body()).get("referralId").asText();
        awaitItem(moveOn, "/referrals/inbox", moveOnWorker, referralId, "WAITING");
        assertThat(post(moveOn, "/referrals/" + referralId + "/decline", moveOnWorker, """
                {"reason": "Kirsty is already in our Thursday group."}""").statusCode()).isEqualTo(204);
        assertThat(awaitItem(freshStart, "/referrals/outbox", freshStartWorker, referralId, "DECLINED")
                .get("declineReason").asText()).isEqualTo("Kirsty is already in our Thursday group.");
        // the receiver answered: its own key for the referral's details is gone with them
        assertThat(jdbc(moveOn).queryForObject("select count(*) from referral_key where referral_id = ?",
                Integer.class, referralId)).isZero();

        assertThat(post(freshStart, "/people/" + personId + "/erasure", TestIdentity.lead("fresh-start"), "").statusCode())
                .isEqualTo(204);

        JsonNode kept = item(freshStart, "/referrals/outbox", freshStartWorker, referralId);
        assertThat(kept.get("status").asText()).isEqualTo("DECLINED");
        assertThat(kept.has("declineReason")).isFalse();
        assertThat(rawBytesOfEveryTable(freshStart)).doesNotContain("Kirsty").doesNotContain(hex("Kirsty"))
                .doesNotContain("Thursday group").doesNotContain(hex("Thursday group"));
    }

    private void deliveredAgainChangesNothing(String referralId) throws Exception {
        ConsumerRecord<String, byte[]> made = RealKafka.readAll(Topics.REFERRALS, Duration.ofSeconds(10)).stream()
                .filter(record -> "move-on".equals(record.key()))
                .filter(record -> new String(record.value(), StandardCharsets.UTF_8).contains(referralId))
                .findFirst().orElseThrow();
        long offset;
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            offset = producer.send(new ProducerRecord<>(made.topic(), made.partition(), made.key(), made.value(),
                    made.headers())).get().offset();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Long> next = jdbc(moveOn).queryForList(
                    "select next_offset from referral_offset where topic = ? and partition = ?", Long.class,
                    made.topic(), made.partition());
            return !next.isEmpty() && next.get(0) > offset;
        });
        assertThat(jdbc(moveOn).queryForObject("select count(*) from referral_received where referral_id = ?",
                Integer.class, referralId)).isEqualTo(1);
        assertThat(jdbc(moveOn).queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, referralId)).isEqualTo(1);
        HttpResponse<String> inbox = get(moveOn, "/referrals/inbox", moveOnWorker);
        assertThat(StreamSupport.stream(JSON.readTree(inbox.body()).spliterator(), false)
                .filter(each -> each.get("referralId").asText().equals(referralId))).hasSize(1);
    }

    private static String rawBytesOfEveryTable(ConfigurableApplicationContext partner) {
        JdbcTemplate jdbc = jdbc(partner);
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class)) {
            jdbc.query("select t::text from " + table + " t", row -> {
                all.append(row.getString(1)).append('\n');
            });
        }
        jdbc.query("select payload, meta_data from domain_event_entry", row -> {
            all.append(new String(row.getBytes(1), StandardCharsets.UTF_8)).append('\n');
            byte[] meta = row.getBytes(2);
            all.append(meta == null ? "" : new String(meta, StandardCharsets.UTF_8)).append('\n');
        });
        return all.toString();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode awaitItem(ConfigurableApplicationContext partner, String path, String token, String referralId,
                               String status) throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode found = item(partner, path, token, referralId);
            return found != null && status.equals(found.get("status").asText());
        });
        return item(partner, path, token, referralId);
    }

    private JsonNode item(ConfigurableApplicationContext partner, String path, String token, String referralId)
            throws Exception {
        HttpResponse<String> listed = get(partner, path, token);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(listed.body()).spliterator(), false)
                .filter(each -> each.get("referralId").asText().equals(referralId)).findFirst().orElse(null);
    }

    private String journeyFor(String name, String dateOfBirth, String consent) throws Exception {
        return openJourney(register(name, dateOfBirth, consent).get("personId").asText());
    }

    private JsonNode register(String name, String dateOfBirth, String consent) throws Exception {
        HttpResponse<String> registered = post(freshStart, "/people", freshStartWorker, """
                {"fullName": "%s", "dateOfBirth": "%s",
                 "contact": {"phone": "0131 496 0001", "email": "morag@example.org"},
                 "consents": ["%s"]}""".formatted(name, dateOfBirth, consent));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body());
    }

    private String openJourney(String personId) throws Exception {
        HttpResponse<String> opened = post(freshStart, "/journeys", freshStartWorker, """
                {"personId": "%s", "door": "drop-in"}""".formatted(personId));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).get("journeyId").asText();
    }

    private HttpResponse<String> post(ConfigurableApplicationContext partner, String path, String token, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri(partner, path)).header("Authorization", TestIdentity.bearer(token))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ConfigurableApplicationContext partner, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(partner, path)).header("Authorization", TestIdentity.bearer(token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext partner, String path) {
        return URI.create("http://localhost:" + partner.getEnvironment().getProperty("local.server.port") + path);
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext partner) {
        return partner.getBean(JdbcTemplate.class);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static ConfigurableApplicationContext partner(String organisation, String database, KeyPair own,
                                                          String other, KeyPair otherKeys) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new SpringApplicationBuilder(PartnerServiceApplication.class).run(
                "--server.port=0",
                "--bothy.organisation=" + organisation,
                // a group of its own: other test classes' cached contexts of the same organisation share this broker
                "--bothy.referral.consumer-group=partner-" + organisation + "-referrals-" + java.util.UUID.randomUUID(),
                "--bothy.pseudonym-key=" + KEY,
                "--bothy.publisher.acknowledgement-timeout=4s",
                "--bothy.referral.private-key=" + base64.encodeToString(own.getPrivate().getEncoded()),
                "--bothy.referral.partners." + other + ".public-key=" + base64.encodeToString(otherKeys.getPublic().getEncoded()),
                "--spring.datasource.url=" + RealPostgres.jdbcUrl(database),
                "--spring.datasource.username=" + RealPostgres.username(),
                "--spring.datasource.password=" + RealPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + RealKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentity.jwksUri());
    }
}
