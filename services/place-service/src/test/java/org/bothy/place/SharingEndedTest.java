package org.bothy.place;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.place.barriers.BarrierCount;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.query.ViewFilters;
import org.bothy.place.reach.MonthlyReach;
import org.bothy.place.reach.ReachCounts;
import org.bothy.place.reach.RevolvingDoor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure and withdrawal of consent on real Kafka and PostgreSQL: what the erasing (or withdrawing) organisation
 * shared about the person goes from every view within seconds, what another organisation shared under its own
 * consent stays, from the person-level rows and from the tallies the views read. And both versions of
 * BarrierObserved land in the projection alike.
 */
class SharingEndedTest extends PlaceServiceTestBase {

    private static final String NORTH = "ended-north";
    private static final String SOUTH = "ended-south";
    // Apart from the north and south, so that the erasure test's counts are its own whichever runs first.
    private static final String WEST = "ended-west";

    @Autowired
    BarrierCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReachCounts reach;

    @Test
    void anErasureDropsOnlyWhatThatOrganisationSharedAndTheViewsFollowAtOnce() {
        String skye = LearningRecords.pseudonym("ended-skye");
        String tam = LearningRecords.pseudonym("ended-tam");
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey(NORTH, skye, at)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(NORTH, skye, "family", "social-work", at)),
                LearningRecords.record(ORG_A_TOPIC, new ContactRecorded(UUID.randomUUID().toString(), at, NORTH, skye, "j-1",
                        "c-1", "visit", 30, 1200)),
                LearningRecords.record(ORG_A_TOPIC, new SoftMeasureScored(UUID.randomUUID().toString(), at, NORTH, skye, "j-1",
                        "hope", 4)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.journey(SOUTH, skye, at)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(SOUTH, skye, "family", "social-work", at)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(NORTH, tam, "family", "social-work", at)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rowsFor(NORTH, skye)).containsEntry("barrier_observation", 1L).containsEntry("contact", 1L)
                        .containsEntry("soft_measure", 1L).containsEntry("person_month", 1L).containsEntry("journey", 1L)
                        .containsEntry("barrier_person", 1L).containsEntry("person_door", 1L));
        // Tam's record may sit on another partition than Skye's, so it may land a batch later.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(counts.byPattern("family", "social-work"))
                .containsExactly(new BarrierCount("family", "social-work", 2, 2)));
        assertThat(counts.byPattern(only(NORTH))).containsExactly(new BarrierCount("family", "social-work", 2, 1));
        assertThat(reach.revolvingDoor(only(NORTH))).as("Skye came to both doors, Tam to the north's only")
                .containsExactly(new RevolvingDoor(NORTH, 2, 1));
        assertThat(reach.revolvingDoor(only(SOUTH))).containsExactly(new RevolvingDoor(SOUTH, 1, 1));
        assertThat(reach.byMonth(only(NORTH))).containsExactly(new MonthlyReach("2026-06", NORTH, 2));
        assertTalliesMatchTheObservations();

        LearningRecords.send(LearningRecords.record(ORG_A_TOPIC,
                new PersonErased(UUID.randomUUID().toString(), Instant.now(), NORTH, skye)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rowsFor(NORTH, skye)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero()));
        assertThat(rowsFor(SOUTH, skye)).as("what the south shared under its own consent stays")
                .containsEntry("barrier_observation", 1L).containsEntry("journey", 1L).containsEntry("person_month", 1L);
        assertThat(rowsFor(NORTH, tam)).containsEntry("barrier_observation", 1L);
        // Skye is still counted once, through the south; the north now has only Tam.
        assertThat(counts.byPattern("family", "social-work")).containsExactly(new BarrierCount("family", "social-work", 2, 2));
        assertThat(counts.byPattern(only(NORTH))).containsExactly(new BarrierCount("family", "social-work", 1, 1));
        assertThat(reach.revolvingDoor(only(NORTH))).containsExactly(new RevolvingDoor(NORTH, 1, 0));
        assertThat(reach.revolvingDoor(only(SOUTH))).as("the north no longer holds Skye").containsExactly(new RevolvingDoor(SOUTH, 1, 0));
        assertThat(reach.byMonth(only(NORTH))).containsExactly(new MonthlyReach("2026-06", NORTH, 1));
        assertTalliesMatchTheObservations();

        LearningRecords.send(LearningRecords.record(ORG_A_TOPIC,
                new ConsentWithdrawn(UUID.randomUUID().toString(), Instant.now(), SOUTH, skye)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(counts.byPattern("family", "social-work")).containsExactly(new BarrierCount("family", "social-work", 1, 1)));
        assertThat(rowsFor(SOUTH, skye)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(reach.revolvingDoor(only(SOUTH))).isEmpty();
        assertThat(reach.byMonth(only(SOUTH))).isEmpty();
        assertTalliesMatchTheObservations();
    }

    private static ViewFilters only(String organisation) {
        return new ViewFilters(null, null, organisation, null, null);
    }

    /** The counts kept in the intake's transaction are those counted from the person-level rows, for every pattern. */
    private void assertTalliesMatchTheObservations() {
        ViewFilters allTime = new ViewFilters(LocalDate.parse("2000-01-01"), null, null, null, null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(counts.byPattern(ViewFilters.NONE)).isEqualTo(counts.byPattern(allTime)));
        // By month: every row the month tallies hold, and no other, is a count of distinct people in the observations.
        assertThat(differences("""
                select month, organisation, theme, system_actor, people from barrier_month_people_at where people > 0
                """, """
                select date_trunc('month', observed_on)::date, organisation, theme, system_actor, count(distinct pseudonym)
                from barrier_observation group by 1, 2, 3, 4
                """)).as("people per month, pattern and organisation").isEmpty();
        assertThat(differences("""
                select month, theme, system_actor, people from barrier_month_people where people > 0
                """, """
                select date_trunc('month', observed_on)::date, theme, system_actor, count(distinct pseudonym)
                from barrier_observation group by 1, 2, 3
                """)).as("people per month and pattern").isEmpty();
        assertThat(differences("""
                select month, theme, system_actor, pseudonym, organisation from barrier_person_month
                """, """
                select distinct date_trunc('month', observed_on)::date, theme, system_actor, pseudonym, organisation
                from barrier_observation
                """)).as("who met which pattern in which month").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from barrier_month_people where people > 0", Long.class))
                .as("there is something to compare").isPositive();
    }

    /** The rows either query gives that the other does not. */
    private List<Map<String, Object>> differences(String tally, String counted) {
        return jdbc.queryForList("(%1$s except %2$s) union all (%2$s except %1$s)".formatted(tally, counted));
    }

    @Test
    void barrierObservedV1AndV2AreProjectedAlike() {
        String una = LearningRecords.pseudonym("ended-una");
        Instant recorded = Instant.parse("2026-07-02T08:00:00Z");
        BarrierObserved v2 = new BarrierObserved(UUID.randomUUID().toString(), recorded, WEST, una, "j-v2", "b-v2",
                "justice", "police", 2, LocalDate.parse("2026-07-02"));
        BarrierObserved asV1 = new BarrierObserved(UUID.randomUUID().toString(), recorded, WEST, una, "j-v1", "b-v1",
                "justice", "police", 2);
        LearningRecords.send(LearningRecords.record(ORG_A_TOPIC, v2), v1Record(asV1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.queryForList("""
                        select journey_id, theme, system_actor, level, observed_at, observed_on::text as observed_on
                        from barrier_observation where organisation = ? and pseudonym = ? order by journey_id
                        """, WEST, una))
                        .extracting(row -> List.of(row.get("theme"), row.get("system_actor"), row.get("level").toString(),
                                row.get("observed_at").toString(), row.get("observed_on")))
                        .hasSize(2)
                        .containsOnly(List.of("justice", "police", "2", row(recorded), "2026-07-02")));
    }

    /** What a v1 writer sent for {@code barrier}: the v1 type and a payload without {@code observedOn}. */
    private static ProducerRecord<String, byte[]> v1Record(BarrierObserved barrier) {
        String payload = """
                {"eventId":"%s","occurredAt":"%s","organisation":"%s","pseudonym":"%s","journeyId":"%s","barrierId":"%s",
                 "theme":"%s","systemActor":"%s","level":%d}""".formatted(barrier.eventId(), barrier.occurredAt(),
                barrier.organisation(), barrier.pseudonym(), barrier.journeyId(), barrier.barrierId(), barrier.theme(),
                barrier.systemActor(), barrier.level());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(barrier.eventId()));
        headers.add("ce_type", bytes("org.bothy.learning.BarrierObserved.v1"));
        headers.add("ce_source", bytes("/bothy/partner/" + barrier.organisation()));
        headers.add("ce_subject", bytes(barrier.pseudonym()));
        headers.add("ce_time", bytes(barrier.occurredAt().toString()));
        headers.add("ce_dataschema", bytes("https://schemas.bothy.org/contracts/learning/BarrierObserved.v1.schema.json"));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(ORG_A_TOPIC, null, barrier.pseudonym(), bytes(payload), headers);
    }

    private static String row(Instant at) {
        return java.sql.Timestamp.from(at).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Long> rowsFor(String organisation, String pseudonym) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : List.of("barrier_observation", "barrier_person", "journey", "journey_closed", "contact",
                "soft_measure", "experiment_learning", "person_month", "person_door")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where organisation = ? and pseudonym = ?",
                    Long.class, organisation, pseudonym));
        }
        return rows;
    }
}
