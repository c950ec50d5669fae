package org.bothy.place;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.JourneyClosed;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralEvent;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.bothy.kernel.topics.Topics;
import org.bothy.place.intake.PartnerEvents;
import org.bothy.place.rebuild.BulkReplay;
import org.bothy.place.rebuild.ShadowSchema;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk rebuild builds every table the live intake builds, and builds it identically: one mixed stream on real
 * Kafka topics (every contract kind, repeats, an erasure between a person's events, a withdrawal followed by new
 * consent and events, two organisations sharing a person, a record refused) is applied poll by poll through the
 * intake's batch into one database, and rebuilt into another by the bulk load (the first part), the catch-up as the
 * intake applies it (the rest) and the swap; then every table is compared row by row, with its indexes.
 */
class BulkRebuildTest {

    private static final String GLEN = "bulk-glen";
    private static final String STRATH = "bulk-strath";
    // Not named as partners' topics are: the service started by the other tests reads every such topic on this broker,
    // and their counts must not see these people. The batch reads a learning topic by whatever name it is given.
    private static final String GLEN_TOPIC = "bulk-rebuild-test.learning." + GLEN;
    private static final String STRATH_TOPIC = "bulk-rebuild-test.learning." + STRATH;
    private static final List<String> TOPICS = List.of(GLEN_TOPIC, STRATH_TOPIC, Topics.REFERRALS);
    private static final Instant JANUARY = Instant.parse("2026-01-12T10:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-09T10:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-16T10:00:00Z");

    // Columns that say when a row was applied or which mark it drew from a sequence, not what it holds.
    private static final Map<String, List<String>> SURROGATE = Map.of(
            "applied_event", List.of("applied_at"),
            "consumer_offset", List.of("updated_at"),
            "pending_signal", List.of("mark"),
            "pending_issue_signal", List.of("mark"));

    private final String ailig = LearningRecords.pseudonym("bulk-ailig");
    private final String beathag = LearningRecords.pseudonym("bulk-beathag");
    private final String calum = LearningRecords.pseudonym("bulk-calum");
    private final String dolina = LearningRecords.pseudonym("bulk-dolina");
    private final String eilidh = LearningRecords.pseudonym("bulk-eilidh");

    @Test
    void buildsEveryTableAsTheLiveIntakeDoes() {
        RealKafka.createTopics(GLEN_TOPIC, STRATH_TOPIC, Topics.REFERRALS);
        BarrierObserved ailigAtGlen = barrier(GLEN, ailig, "housing", "council-housing", JANUARY);
        BarrierObserved beathagBeforeErasure = barrier(GLEN, beathag, "debt", "council-revenues", JANUARY);
        ContactRecorded ailigContact = contact(GLEN, ailig, "visit", 40, 900, JANUARY);
        String eilidhReferral = UUID.randomUUID().toString();
        String dolinaReferral = UUID.randomUUID().toString();
        send(records(
                new JourneyOpened(id(), JANUARY, GLEN, ailig, "j-ailig-glen", "drop-in"),
                ailigAtGlen, ailigAtGlen, ailigContact,
                new SoftMeasureScored(id(), FEBRUARY, GLEN, ailig, "j-ailig-glen", "confidence", 4),
                new JourneyOpened(id(), JANUARY, STRATH, ailig, "j-ailig-strath", "referral"),
                barrier(STRATH, ailig, "housing", "council-housing", FEBRUARY),
                barrier(STRATH, ailig, "debt", "council-revenues", FEBRUARY),
                new JourneyOpened(id(), JANUARY, GLEN, beathag, "j-beathag", "outreach"),
                beathagBeforeErasure,
                contact(GLEN, beathag, "call", 15, 0, JANUARY),
                new PersonErased(id(), FEBRUARY, GLEN, beathag),
                barrier(GLEN, beathag, "mental-health", "gp", MARCH),
                new JourneyOpened(id(), JANUARY, STRATH, calum, "j-calum", "self-referral"),
                barrier(STRATH, calum, "employment", "jobcentre", JANUARY),
                new ConsentWithdrawn(id(), FEBRUARY, STRATH, calum),
                new JourneyOpened(id(), MARCH, STRATH, calum, "j-calum-2", "drop-in"),
                barrier(STRATH, calum, "employment", "jobcentre", MARCH),
                new SoftMeasureScored(id(), MARCH, STRATH, calum, "j-calum-2", "hope", 7),
                new ExperimentConcluded(id(), FEBRUARY, GLEN, dolina, "j-dolina", "exp-1", "housing",
                        // A tab, a line break and a backslash, which COPY's text format must escape.
                        "Viewing the flat together,\twith the landlord there,\nkept the tenancy going \\ for now"),
                barrier(GLEN, dolina, "housing", "private-landlord", JANUARY),
                contact(GLEN, dolina, "meeting", 60, 2_500, FEBRUARY),
                new JourneyClosed(id(), MARCH, GLEN, dolina, "j-dolina"),
                barrier(GLEN, dolina, "weather", "private-landlord", MARCH),
                issue(GLEN, "issue-1", 1, "open", JANUARY),
                issue(GLEN, "issue-1", 2, "open", FEBRUARY),
                new LearningCyclePublished(id(), JANUARY, GLEN, "cycle-1", 1, "team", "What if we meet people at home?",
                        "People stayed", "Share the rota", List.of("cycle-2")),
                new Lm3Reported(id(), JANUARY, STRATH, "pitch", "Community pitch", "actual", 100_000, 40_000, 15_000,
                        new BigDecimal("1.55")),
                new ReferralMade(id(), JANUARY, eilidhReferral, GLEN, STRATH, eilidh, "Wants help with rent",
                        List.of("housing"), sealed()),
                new ReferralAccepted(id(), FEBRUARY, eilidhReferral, GLEN, STRATH),
                new ReferralMade(id(), JANUARY, dolinaReferral, STRATH, GLEN, dolina, "Art group", List.of("social-isolation"),
                        sealed()),
                new ReferralDeclined(id(), FEBRUARY, dolinaReferral, STRATH, GLEN, "No places this term")));
        Map<TopicPartition, Long> firstPart = ends();
        send(records(
                beathagBeforeErasure, ailigContact,
                new PersonErased(id(), MARCH, STRATH, ailig),
                new JourneyOpened(id(), MARCH, GLEN, eilidh, "j-eilidh", "referral"),
                barrier(GLEN, eilidh, "housing", "council-housing", MARCH),
                new ConsentWithdrawn(id(), MARCH, STRATH, calum),
                barrier(STRATH, calum, "debt", "council-revenues", MARCH),
                issue(GLEN, "issue-1", 3, "closed", MARCH),
                issue(GLEN, "issue-1", 1, "open", MARCH),
                new LearningCyclePublished(id(), MARCH, GLEN, "cycle-1", 2, "team", "What if we meet people at home?",
                        "People stayed and came back", "Share the rota", List.of("cycle-2")),
                new Lm3Reported(id(), MARCH, STRATH, "pitch", "Community pitch", "actual", 120_000, 50_000, 20_000,
                        new BigDecimal("1.58"))));
        Map<TopicPartition, Long> all = ends();

        HandWiredPlace live = new HandWiredPlace(migrated("place_bulk_live"));
        read(TOPICS, all, 7, live.batch::apply);

        HandWiredPlace rebuilt = new HandWiredPlace(migrated("place_bulk_rebuilt"));
        rebuilt.shadow.create(BulkReplay.BULK_TABLES);
        Map<TopicPartition, Long> reached;
        try (BulkReplay.Load load = rebuilt.bulk.begin()) {
            reached = read(TOPICS, firstPart, 11, load::apply);
            load.finish();
        }
        readFrom(reached, all, records -> rebuilt.batch.applyInto(ShadowSchema.SCHEMA, records));
        rebuilt.shadow.swap();

        // What the live intake kept, so that the comparison below is of something.
        assertThat(live.jdbc.queryForList("select theme from barrier_observation where pseudonym = ? order by theme",
                String.class, beathag)).as("only what came after the erasure").containsExactly("mental-health");
        assertThat(live.jdbc.queryForList("select organisation from barrier_observation where pseudonym = ?", String.class,
                ailig)).as("strath's erasure leaves what glen shared").containsExactly(GLEN);
        assertThat(live.jdbc.queryForList("select theme from barrier_observation where pseudonym = ?", String.class,
                calum)).as("what came after each withdrawal").containsExactly("debt");
        assertThat(live.jdbc.queryForObject("select count(*) from applied_event where event_id = ?", Long.class,
                ailigAtGlen.eventId())).isEqualTo(1L);
        assertThat(live.jdbc.queryForObject("select revision from issue where issue_id = 'issue-1'", Integer.class)).isEqualTo(3);

        List<String> tables = tables(live);
        assertThat(tables(rebuilt)).as("the same tables").isEqualTo(tables);
        assertThat(tables).contains("barrier_observation", "barrier_person", "person_month", "door_people", "referral_made");
        for (String table : tables) {
            assertThat(rows(rebuilt, table)).as("rows of %s", table).isEqualTo(rows(live, table));
            assertThat(indexes(rebuilt, table)).as("indexes of %s", table).isEqualTo(indexes(live, table));
        }
    }

    private static DataSource migrated(String database) {
        DataSource dataSource = RealPostgres.dataSource(database);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }

    /** Reads {@code topics} from their beginning until every partition reaches {@code ends}; returns where it stopped. */
    private static Map<TopicPartition, Long> read(List<String> topics, Map<TopicPartition, Long> ends, int perPoll,
                                                  Consumer<ConsumerRecords<String, byte[]>> apply) {
        Map<TopicPartition, Long> from = new HashMap<>();
        ends.keySet().forEach(partition -> from.put(partition, 0L));
        return read(from, ends, perPoll, apply);
    }

    private static Map<TopicPartition, Long> readFrom(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends,
                                                      Consumer<ConsumerRecords<String, byte[]>> apply) {
        return read(from, ends, 5, apply);
    }

    private static Map<TopicPartition, Long> read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends, int perPoll,
                                                  Consumer<ConsumerRecords<String, byte[]>> apply) {
        Map<String, Object> settings = new HashMap<>(RealKafka.consumerProperties());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, perPoll);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                assertThat(System.nanoTime()).as("records arrive").isLessThan(deadline);
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    apply.accept(records);
                }
            }
            Map<TopicPartition, Long> reached = new HashMap<>();
            from.keySet().forEach(partition -> reached.put(partition, consumer.position(partition)));
            return reached;
        }
    }

    private static Map<TopicPartition, Long> ends() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(RealKafka.consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private static List<String> tables(HandWiredPlace place) {
        return place.jdbc.queryForList("""
                select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'
                order by tablename
                """, String.class);
    }

    /** Every row of {@code table} as text, in a stable order, without surrogate columns or tallies counting no one. */
    private static List<String> rows(HandWiredPlace place, String table) {
        List<String> columns = place.jdbc.queryForList("""
                select column_name from information_schema.columns where table_schema = 'public' and table_name = ?
                order by ordinal_position
                """, String.class, table).stream()
                .filter(column -> !SURROGATE.getOrDefault(table, List.of()).contains(column))
                .toList();
        // The intake leaves a tally at 0 when its last person goes, where counting afresh has no row; no view shows 0.
        String counting = columns.contains("people") ? " where people <> 0" : "";
        return place.jdbc.queryForList("select row(" + String.join(", ", columns) + ")::text as r from " + table + counting
                + " order by 1", String.class);
    }

    private static List<String> indexes(HandWiredPlace place, String table) {
        return place.jdbc.queryForList("select indexdef from pg_indexes where schemaname = 'public' and tablename = ? order by 1",
                String.class, table);
    }

    @SuppressWarnings("unchecked")
    private static void send(List<ProducerRecord<String, byte[]>> records) {
        LearningRecords.send(records.toArray(ProducerRecord[]::new));
    }

    private static List<ProducerRecord<String, byte[]>> records(ContractEvent... events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (ContractEvent event : events) {
            String topic = event instanceof ReferralEvent ? Topics.REFERRALS
                    : PartnerEvents.organisation(event).equals(GLEN) ? GLEN_TOPIC : STRATH_TOPIC;
            records.add(LearningRecords.record(topic, event));
        }
        return records;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static BarrierObserved barrier(String organisation, String pseudonym, String theme, String actor, Instant at) {
        return new BarrierObserved(id(), at, organisation, pseudonym, "j-" + pseudonym.substring(0, 8), "b-" + id(), theme,
                actor, 2, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).minusDays(3));
    }

    private static ContactRecorded contact(String organisation, String pseudonym, String kind, int minutes, long pence,
                                           Instant at) {
        return new ContactRecorded(id(), at, organisation, pseudonym, "j-" + pseudonym.substring(0, 8), "c-" + id(), kind,
                minutes, pence);
    }

    private static IssuePublished issue(String organisation, String issueId, int revision, String status, Instant at) {
        return new IssuePublished(id(), at, organisation, issueId, revision, "Rent arrears letters arrive before any help",
                2, status, "leadership", "Call the housing officer together", null, List.of("housing"),
                List.of("council-housing"), 3 + revision, 2);
    }

    private static SealedEnvelope sealed() {
        return new SealedEnvelope(SealedEnvelope.ALGORITHM, "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
                "AAECAwQFBgcICQoL", "3q2+7wAREiIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u");
    }
}
