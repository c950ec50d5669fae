package org.bothy.place;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.place.intake.PartnerEvents;
import org.bothy.testsupport.RealPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's batch writes the barrier and reach rows and their tallies in a few statements per poll (each reads the
 * rows held for its people from the snapshot it began with and lays what it added over them). Polls of many barriers
 * of the same people (at several organisations, on several days of a month, in several months), repeats within a poll
 * and across polls, and erasures and withdrawals cut into polls, applied through the batch as the live intake applies
 * them: after every poll, every tally holds what a count of the person-level rows gives, and those rows are exactly
 * the barriers a plain model keeps; a poll of repeats changes no table at all.
 */
class FoldedBatchTest {

    private static final List<String> ORGANISATIONS = List.of("fold-north", "fold-south", "fold-west");
    private static final String[][] PATTERNS = {
            {"housing", "council-housing"}, {"debt", "council-revenues"}, {"welfare-benefits", "universal-credit"}};
    private static final Instant FIRST_DAY = Instant.parse("2026-01-01T09:00:00Z");

    // Every tally with the count of the person-level rows it must equal (no row of a tally at 0 is compared: an
    // erasure leaves such rows, and counting afresh does not make them).
    private static final Map<String, String[]> TALLIES = tallies();

    private final Random random = new Random(20261128);
    private final List<String> people = new ArrayList<>();
    private final Map<String, Long> nextOffset = new HashMap<>();
    // The model: the barriers that must be held, by event id, in the order applied.
    private final Map<String, BarrierObserved> kept = new LinkedHashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private HandWiredPlace place;

    @Test
    void everyTallyFollowsItsRowsThroughBigPollsRepeatsAndErasures() {
        place = new HandWiredPlace(migrated("place_folded_batch"));
        for (int i = 0; i < 14; i++) {
            people.add(LearningRecords.pseudonym("folded-" + i));
        }
        place.batch.apply(poll(List.of(issue())));

        List<List<Polled>> applied = new ArrayList<>();
        // Polls of 1, 9, 40 and 120 barriers: many of the same people and patterns, in three months.
        for (int size : new int[] {1, 9, 40, 120}) {
            List<Polled> polled = records(barriers(size));
            // A partner that sent one barrier twice: the second is a repeat within the poll.
            polled.add(new Polled(polled.get(polled.size() / 2).event()));
            apply(polled);
            applied.add(polled);
            assertTalliesFollowTheRows("after a poll of " + size);
        }
        assertThat(count("select count(*) from (select 1 from barrier_person group by pseudonym, theme, system_actor "
                + "having count(*) >= 2) met")).as("people met a pattern at two organisations").isPositive();
        assertThat(count("select count(*) from barrier_person_month where bit_count(days::bit(31)) >= 2"))
                .as("people met a pattern on two days of a month").isPositive();
        assertThat(count("select count(*) from barrier_month_since_at where previous_month <> '-infinity'"))
                .as("people met a pattern in two months").isPositive();
        assertThat(count("select count(*) from door_people where seen_elsewhere_too > 0"))
                .as("people seen at two doors").isPositive();

        // Every earlier poll again, whole, as after a crash before the offsets' commit: nothing moves.
        Map<String, List<String>> before = everyTable();
        for (List<Polled> again : applied) {
            apply(again);
        }
        assertThat(everyTable()).as("every table after the same polls again").isEqualTo(before);

        // Repeats and new barriers in one poll: only the new ones count.
        List<Polled> mixed = new ArrayList<>(applied.get(2).subList(0, 20));
        mixed.addAll(records(barriers(30)));
        apply(mixed);
        assertTalliesFollowTheRows("after repeats mixed with new barriers");

        // An erasure and a withdrawal inside a big poll, with barriers of the same people before and after each.
        String erased = people.get(0);
        String withdrawn = people.get(1);
        List<ContractEvent> ending = new ArrayList<>(barriers(25));
        ending.add(barrier("fold-north", erased, 0, 3));
        ending.add(barrier("fold-north", erased, 0, 4));
        ending.add(barrier("fold-north", erased, 1, 35));
        ending.add(barrier("fold-south", erased, 0, 3));
        ending.add(barrier("fold-west", withdrawn, 1, 40));
        ending.add(barrier("fold-west", withdrawn, 2, 41));
        ending.add(barrier("fold-north", withdrawn, 2, 41));
        ending.add(new PersonErased(UUID.randomUUID().toString(), FIRST_DAY.plus(Duration.ofDays(80)), "fold-north", erased));
        ending.addAll(barriers(25));
        ending.add(barrier("fold-north", erased, 0, 70));
        ending.add(new ConsentWithdrawn(UUID.randomUUID().toString(), FIRST_DAY.plus(Duration.ofDays(81)), "fold-west",
                withdrawn));
        ending.addAll(barriers(25));
        apply(records(ending));
        assertTalliesFollowTheRows("after an erasure and a withdrawal");
        assertThat(place.jdbc.queryForList("""
                select observed_on::text from barrier_observation where organisation = 'fold-north' and pseudonym = ?
                """, String.class, erased)).as("what the erased person shared after the erasure stays").containsExactly(
                FIRST_DAY.plus(Duration.ofDays(70)).toString().substring(0, 10));
        assertThat(count("select count(*) from barrier_person_month where organisation = 'fold-west' and pseudonym = '"
                + withdrawn + "'")).as("the withdrawn person's months at that organisation").isZero();
        assertThat(count("select count(*) from person_door where pseudonym = '" + erased + "'"))
                .as("the erased person's doors: north again after the erasure, and south").isEqualTo(2);

        // The patterns changed are marked for their signals, and the issue under two of them once.
        assertThat(place.jdbc.queryForList("select theme || '/' || system_actor from pending_signal order by 1",
                String.class)).containsExactly("debt/council-revenues", "housing/council-housing",
                "welfare-benefits/universal-credit");
        assertThat(count("select count(*) from pending_issue_signal where organisation = 'fold-north' "
                + "and issue_id = 'fold-issue'")).isEqualTo(1);
    }

    /** Every tally equals the count of the rows it rests on, and those rows hold exactly the barriers kept. */
    private void assertTalliesFollowTheRows(String when) {
        TALLIES.forEach((tally, queries) -> assertThat(place.jdbc.queryForList(
                "(%1$s except all %2$s) union all (%2$s except all %1$s)".formatted(queries[0], queries[1])))
                .as(tally + " " + when).isEmpty());
        assertThat(place.jdbc.queryForList("select event_id from barrier_observation order by event_id", String.class))
                .as("the barriers held " + when).isEqualTo(kept.keySet().stream().sorted().toList());
        assertThat(count("select count(*) from barrier_person")).as("there is something to compare").isPositive();
    }

    private static Map<String, String[]> tallies() {
        Map<String, String[]> tallies = new LinkedHashMap<>();
        tallies.put("barrier_person", new String[] {
                "select pseudonym, theme, system_actor, organisation from barrier_person",
                "select distinct pseudonym, theme, system_actor, organisation from barrier_observation"});
        tallies.put("barrier_people_at", new String[] {
                "select theme, system_actor, organisation, people from barrier_people_at where people <> 0",
                "select theme, system_actor, organisation, count(distinct pseudonym) from barrier_observation group by 1, 2, 3"});
        tallies.put("barrier_people", new String[] {
                "select theme, system_actor, people from barrier_people where people <> 0",
                "select theme, system_actor, count(distinct pseudonym) from barrier_observation group by 1, 2"});
        tallies.put("barrier_person_month", new String[] {
                "select month, theme, system_actor, pseudonym, organisation, days from barrier_person_month",
                """
                select date_trunc('month', observed_on)::date, theme, system_actor, pseudonym, organisation,
                       bit_or(1 << (extract(day from observed_on)::int - 1))
                from barrier_observation group by 1, 2, 3, 4, 5"""});
        tallies.put("barrier_month_people_at", new String[] {
                "select month, organisation, theme, system_actor, people from barrier_month_people_at where people <> 0",
                """
                select date_trunc('month', observed_on)::date, organisation, theme, system_actor, count(distinct pseudonym)
                from barrier_observation group by 1, 2, 3, 4"""});
        tallies.put("barrier_month_people", new String[] {
                "select month, theme, system_actor, people from barrier_month_people where people <> 0",
                """
                select date_trunc('month', observed_on)::date, theme, system_actor, count(distinct pseudonym)
                from barrier_observation group by 1, 2, 3"""});
        tallies.put("barrier_month_since_at", new String[] {
                """
                select theme, system_actor, organisation, month, previous_month, people from barrier_month_since_at
                where people <> 0""",
                """
                select theme, system_actor, organisation, month, previous_month, count(*)
                from (select theme, system_actor, organisation, month,
                             coalesce(lag(month) over (partition by pseudonym, theme, system_actor, organisation
                                                       order by month), '-infinity') as previous_month
                      from (select distinct pseudonym, theme, system_actor, organisation,
                                   date_trunc('month', observed_on)::date as month from barrier_observation) m) c
                group by 1, 2, 3, 4, 5"""});
        tallies.put("barrier_month_since", new String[] {
                "select theme, system_actor, month, previous_month, people from barrier_month_since where people <> 0",
                """
                select theme, system_actor, month, previous_month, count(*)
                from (select theme, system_actor, month,
                             coalesce(lag(month) over (partition by pseudonym, theme, system_actor order by month),
                                      '-infinity') as previous_month
                      from (select distinct pseudonym, theme, system_actor,
                                   date_trunc('month', observed_on)::date as month from barrier_observation) m) c
                group by 1, 2, 3, 4"""});
        tallies.put("barrier_day_since_at", new String[] {
                """
                select theme, system_actor, organisation, day, previous_day, people from barrier_day_since_at
                where people <> 0""",
                """
                select theme, system_actor, organisation, day, previous_day, count(*)
                from (select theme, system_actor, organisation, observed_on as day,
                             coalesce(lag(observed_on) over (partition by pseudonym, theme, system_actor, organisation
                                                             order by observed_on), '-infinity') as previous_day
                      from (select distinct pseudonym, theme, system_actor, organisation, observed_on
                            from barrier_observation) m) c
                group by 1, 2, 3, 4, 5"""});
        tallies.put("barrier_day_since", new String[] {
                "select theme, system_actor, day, previous_day, people from barrier_day_since where people <> 0",
                """
                select theme, system_actor, day, previous_day, count(*)
                from (select theme, system_actor, observed_on as day,
                             coalesce(lag(observed_on) over (partition by pseudonym, theme, system_actor
                                                             order by observed_on), '-infinity') as previous_day
                      from (select distinct pseudonym, theme, system_actor, observed_on from barrier_observation) m) c
                group by 1, 2, 3, 4"""});
        // Only barriers are sent here: every sighting of a person is a barrier, in the UTC month it happened.
        tallies.put("person_month", new String[] {
                "select month, organisation, pseudonym from person_month",
                """
                select distinct date_trunc('month', observed_at at time zone 'UTC')::date, organisation, pseudonym
                from barrier_observation"""});
        tallies.put("reach_month", new String[] {
                "select month, organisation, people from reach_month where people <> 0",
                "select month, organisation, count(*) from person_month group by 1, 2"});
        tallies.put("person_door", new String[] {
                "select pseudonym, organisation from person_door",
                "select distinct pseudonym, organisation from person_month"});
        tallies.put("door_people", new String[] {
                "select organisation, people, seen_elsewhere_too from door_people where people <> 0",
                """
                select door.organisation, count(*), count(*) filter (where doors.organisations >= 2)
                from person_door door
                join (select pseudonym, count(*) as organisations from person_door group by pseudonym) doors
                  using (pseudonym)
                group by door.organisation"""});
        return tallies;
    }

    /** Every row of every table the batch writes, but for when it was written and the marks drawn for signals. */
    private Map<String, List<String>> everyTable() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TALLIES.keySet()) {
            tables.put(table, place.jdbc.queryForList("select t::text from " + table + " t order by 1", String.class));
        }
        tables.put("barrier_observation", place.jdbc.queryForList(
                "select t::text from barrier_observation t order by 1", String.class));
        tables.put("applied_event", place.jdbc.queryForList(
                "select row(event_id, topic, kafka_partition, kafka_offset)::text from applied_event order by 1",
                String.class));
        return tables;
    }

    /** {@code size} barriers of the first people, patterns and organisations, on days of three months. */
    private List<ContractEvent> barriers(int size) {
        List<ContractEvent> barriers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            barriers.add(barrier(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())),
                    // The first two people are the erased and the withdrawn: only what is sent for them by name.
                    people.get(2 + random.nextInt(people.size() - 2)), random.nextInt(PATTERNS.length),
                    random.nextInt(90)));
        }
        return barriers;
    }

    private static BarrierObserved barrier(String organisation, String pseudonym, int pattern, int day) {
        return LearningRecords.barrier(organisation, pseudonym, PATTERNS[pattern][0], PATTERNS[pattern][1],
                FIRST_DAY.plus(Duration.ofDays(day)));
    }

    private static IssuePublished issue() {
        return new IssuePublished(UUID.randomUUID().toString(), FIRST_DAY, "fold-north", "fold-issue", 1,
                "Arrears letters before any help", 2, "open", "leadership", "Call together", null,
                List.of("housing", "debt"), List.of("council-housing", "council-revenues"), 3, 2);
    }

    /** A record as read from a topic: where it was on it, and the event. */
    private record Polled(TopicPartition partition, long offset, ProducerRecord<String, byte[]> sent, ContractEvent event) {

        /** The same event sent again by its partner: at the next offset of its topic. */
        Polled(ContractEvent event) {
            this(null, -1, null, event);
        }
    }

    /** Each event at the next offset of its organisation's topic. */
    private List<Polled> records(List<? extends ContractEvent> events) {
        List<Polled> records = new ArrayList<>();
        for (ContractEvent event : events) {
            String topic = "folded-batch-test.learning." + PartnerEvents.organisation(event);
            long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
            records.add(new Polled(new TopicPartition(topic, 0), offset, LearningRecords.record(topic, event), event));
        }
        return records;
    }

    /** Applies {@code polled} as one poll, and keeps in the model what the intake must keep of it. */
    private void apply(List<Polled> polled) {
        List<Polled> placed = new ArrayList<>();
        for (Polled record : polled) {
            placed.add(record.sent() != null ? record : records(List.of(record.event())).get(0));
        }
        place.batch.apply(poll(placed.stream().map(Polled::event).toList(), placed));
        for (Polled record : placed) {
            if (!seen.add(record.event().eventId())) {
                continue;
            }
            if (record.event() instanceof BarrierObserved barrier) {
                kept.put(barrier.eventId(), barrier);
            } else if (PartnerEvents.endsSharing(record.event())) {
                String organisation = PartnerEvents.organisation(record.event());
                String pseudonym = record.event() instanceof PersonErased erased ? erased.pseudonym()
                        : ((ConsentWithdrawn) record.event()).pseudonym();
                kept.values().removeIf(barrier -> barrier.organisation().equals(organisation)
                        && barrier.pseudonym().equals(pseudonym));
            }
        }
    }

    private ConsumerRecords<String, byte[]> poll(List<? extends ContractEvent> events) {
        List<Polled> placed = records(events);
        events.forEach(event -> seen.add(event.eventId()));
        return poll(events, placed);
    }

    private static ConsumerRecords<String, byte[]> poll(List<? extends ContractEvent> events, List<Polled> placed) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (Polled record : placed) {
            ProducerRecord<String, byte[]> sent = record.sent();
            byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(new ConsumerRecord<>(
                    sent.topic(), 0, record.offset(), 0L, TimestampType.CREATE_TIME, -1, -1, sent.key(), sent.value(),
                    new RecordHeaders(sent.headers().toArray()), Optional.empty()));
            next.merge(record.partition(), new OffsetAndMetadata(record.offset() + 1),
                    (one, other) -> one.offset() >= other.offset() ? one : other);
        }
        return new ConsumerRecords<>(byPartition, next);
    }

    private Long count(String sql) {
        List<Long> counts = place.jdbc.queryForList(sql, Long.class);
        return counts.isEmpty() ? null : counts.get(0);
    }

    private static DataSource migrated(String database) {
        DataSource dataSource = RealPostgres.dataSource(database);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }
}
