package org.bothy.place;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.place.barriers.BarrierCount;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.barriers.MonthlyBarrierCount;
import org.bothy.place.disclosed.DisclosedBarrierCount;
import org.bothy.place.disclosed.DisclosedViews;
import org.bothy.place.query.ViewFilters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Barriers over date ranges, on real Kafka and PostgreSQL: whatever the range (whole months, days at either edge of a
 * month, open at one end) and filters, {@code /barriers} and {@code /barriers/monthly} give exactly what a
 * straightforward count of distinct people in the observations gives, before and after an erasure and a withdrawal,
 * including ranges of several months, over the turn of a year, and people whose erased months lie between months that
 * stay; what a statutory body sees of them is still disclosure-controlled. The months are November 2022 to April 2023,
 * which no other test uses, so that ranges without an organisation count only this data.
 */
class BarrierRangeTest extends PlaceServiceTestBase {

    private static final String NORTH = "range-north";
    private static final String SOUTH = "range-south";
    private static final String WEST = "range-west";
    private static final List<String> ORGANISATIONS = List.of(NORTH, SOUTH, WEST);
    // Patterns no other test counts across the place, so that its totals stay its own.
    private static final String[][] PATTERNS = {{"physical-health", "private-landlord"},
            {"substance-use", "private-landlord"}, {"social-isolation", "private-landlord"}};
    private static final LocalDate FIRST_DAY = LocalDate.parse("2022-11-01");
    private static final int BARRIERS = 120;

    @Autowired
    BarrierCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DisclosedViews disclosed;

    @Test
    void rangesWithWholeMonthsAndEdgeDaysCountAsTheObservationsDo() {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            people.add(LearningRecords.pseudonym("range-person-" + i));
        }
        Random random = new Random(2023);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < BARRIERS; i++) {
            // The days at the months' edges come up often, so that an edge's day is counted on the right side of it.
            LocalDate day = switch (i % 7) {
                case 0 -> LocalDate.parse("2023-01-31");
                case 1 -> LocalDate.parse("2023-02-01");
                case 2 -> LocalDate.parse("2023-03-31");
                case 3 -> i % 2 == 0 ? LocalDate.parse("2022-12-31") : LocalDate.parse("2023-01-01");
                default -> FIRST_DAY.plusDays(random.nextInt(180));
            };
            String[] pattern = PATTERNS[random.nextInt(PATTERNS.length)];
            // Recorded a few days after it was met: the month is the day met.
            Instant recorded = day.plusDays(random.nextInt(4)).atTime(12, 0).toInstant(ZoneOffset.UTC);
            records.add(LearningRecords.record(ORG_A_TOPIC, new BarrierObserved(UUID.randomUUID().toString(), recorded,
                    ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())), people.get(random.nextInt(people.size())),
                    "j-range", "b-" + i, pattern[0], pattern[1], 2, day)));
        }
        // One person met the first pattern in November and April at SOUTH and in February at NORTH, and in January
        // at WEST: NORTH's erasure takes a month from the middle of their months across the place, WEST's withdrawal
        // one from before it.
        String middle = LearningRecords.pseudonym("range-person-middle");
        String[] first = PATTERNS[0];
        String[][] middleMonths = {{SOUTH, "2022-11-20"}, {NORTH, "2023-02-14"}, {SOUTH, "2023-04-03"}, {WEST, "2023-01-09"}};
        for (String[] met : middleMonths) {
            LocalDate day = LocalDate.parse(met[1]);
            records.add(LearningRecords.record(ORG_A_TOPIC, new BarrierObserved(UUID.randomUUID().toString(),
                    day.atTime(9, 0).toInstant(ZoneOffset.UTC), met[0], middle, "j-range-middle", "b-middle-" + met[1],
                    first[0], first[1], 2, day)));
        }
        // In two deliveries, each awaited: a month arriving between, or before, months already counted moves the
        // previous month of the one after it.
        int half = records.size() / 2;
        LearningRecords.send(records.subList(0, half).toArray(ProducerRecord[]::new));
        awaitObservations(half);
        assertEveryRangeCountsAsTheObservations();
        LearningRecords.send(records.subList(half, records.size()).toArray(ProducerRecord[]::new));
        awaitObservations(records.size());

        assertEveryRangeCountsAsTheObservations();

        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, new PersonErased(UUID.randomUUID().toString(), Instant.now(), NORTH, people.get(0))),
                LearningRecords.record(ORG_A_TOPIC, new ConsentWithdrawn(UUID.randomUUID().toString(), Instant.now(), SOUTH, people.get(1))),
                LearningRecords.record(ORG_A_TOPIC, new PersonErased(UUID.randomUUID().toString(), Instant.now(), NORTH, middle)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject("""
                select count(*) from barrier_person_month
                where (organisation = ? and pseudonym = ?) or (organisation = ? and pseudonym = ?) or (organisation = ? and pseudonym = ?)
                """, Long.class, NORTH, people.get(0), SOUTH, people.get(1), NORTH, middle)).isZero());
        assertThat(jdbc.queryForObject("select count(*) from barrier_observation where organisation like 'range-%'", Long.class))
                .as("the erasure and the withdrawal took some observations away").isLessThan(records.size());
        assertEveryRangeCountsAsTheObservations();

        LearningRecords.send(LearningRecords.record(ORG_A_TOPIC,
                new ConsentWithdrawn(UUID.randomUUID().toString(), Instant.now(), WEST, middle)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from barrier_person_month where organisation = ? and pseudonym = ?", Long.class, WEST, middle))
                .isZero());
        assertThat(jdbc.queryForList("select to_char(month, 'YYYY-MM') from barrier_person_month where pseudonym = ? order by 1",
                String.class, middle)).as("SOUTH's months stay").containsExactly("2022-11", "2023-04");
        assertEveryRangeCountsAsTheObservations();
    }

    private void awaitObservations(int expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from barrier_observation where organisation like 'range-%'", Long.class))
                .isEqualTo((long) expected));
    }

    private void assertEveryRangeCountsAsTheObservations() {
        assertTalliesByPreviousMonthAsCounted();
        List<LocalDate[]> ranges = List.of(
                // Several months, over the turn of the year, whole or with edge days.
                range("2022-11-01", "2023-02-28"), range("2022-12-01", "2023-01-31"), range("2022-12-15", "2023-02-10"),
                range("2022-11-20", "2023-04-10"), range("2022-12-31", "2023-01-01"), range("2023-02-01", "2023-04-30"),
                range("2022-10-01", "2023-03-31"), range("2022-12-31", "2023-03-01"),
                // Met on the first edge's days and again in a whole month: counted once.
                range("2022-11-20", "2023-03-31"), range("2023-01-31", "2023-04-30"),
                // Days of one month: the first days, the last days, days between.
                range("2023-01-05", "2023-01-25"), range("2022-12-02", "2022-12-30"), range("2023-02-01", "2023-02-14"),
                range("2023-03-15", "2023-03-31"),
                range("2023-01-01", "2023-01-31"), range("2023-02-01", "2023-02-28"), range("2023-01-01", "2023-03-31"),
                range("2023-01-15", "2023-03-14"), range("2023-01-31", "2023-02-01"), range("2023-02-10", "2023-02-20"),
                range("2023-02-01", "2023-04-15"), range("2023-01-31", "2023-01-31"), range("2023-03-31", "2023-05-01"),
                range("2022-12-01", "2023-12-31"),
                // A day short of whole months at either end: the edge day left out must not be counted.
                range("2023-01-01", "2023-03-30"), range("2023-02-02", "2023-03-31"));
        List<LocalDate[]> openEnded = List.of(range(null, "2023-02-28"), range("2023-02-15", null),
                range(null, "2023-03-14"), range("2023-03-01", null), range(null, "2023-01-31"), range("2022-12-01", null),
                range("2022-12-15", null));
        List<String[]> codes = List.of(new String[] {null, null}, new String[] {"physical-health", null},
                new String[] {null, "private-landlord"}, new String[] {"substance-use", "private-landlord"});
        int compared = 0;
        for (String[] code : codes) {
            for (LocalDate[] range : ranges) {
                assertCountsAsTheObservations(new ViewFilters(range[0], range[1], null, code[0], code[1]));
                compared++;
            }
            for (String organisation : ORGANISATIONS) {
                for (LocalDate[] range : ranges) {
                    assertCountsAsTheObservations(new ViewFilters(range[0], range[1], organisation, code[0], code[1]));
                    compared++;
                }
                // Open at one end, a range would take in other tests' months unless narrowed to this test's partners.
                for (LocalDate[] range : openEnded) {
                    assertCountsAsTheObservations(new ViewFilters(range[0], range[1], organisation, code[0], code[1]));
                    compared++;
                }
                assertCountsAsTheObservations(new ViewFilters(null, null, organisation, code[0], code[1]));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(4 * (26 + 3 * (26 + 7 + 1)));
        assertDisclosedAsCounted(new ViewFilters(LocalDate.parse("2022-11-01"), LocalDate.parse("2023-03-31"), null, null, null));
        assertDisclosedAsCounted(new ViewFilters(LocalDate.parse("2022-12-15"), LocalDate.parse("2023-02-10"), WEST, null, null));
        // The data is there to be counted: January, across the partners, has people for every pattern.
        assertThat(counts.byPattern(new ViewFilters(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-01-31"), null, null, null)))
                .hasSize(PATTERNS.length).allSatisfy(count -> assertThat(count.people()).isPositive());
    }

    /**
     * What a statutory body sees of a range: every pattern's count as the plain count gives it, shown when 5 or more
     * and "<5" when 1-4 (secondary suppression may hide more, never show a small one).
     */
    private void assertDisclosedAsCounted(ViewFilters filters) {
        List<BarrierCount> plain = byPattern(filters);
        List<DisclosedBarrierCount> shown = disclosed.barriers(filters).stream()
                .filter(cell -> !cell.theme().equals("all") && !cell.systemActor().equals("all")).toList();
        assertThat(plain).as("something to disclose").isNotEmpty();
        for (BarrierCount count : plain) {
            DisclosedBarrierCount cell = shown.stream()
                    .filter(c -> c.theme().equals(count.theme()) && c.systemActor().equals(count.systemActor()))
                    .findFirst().orElseThrow();
            if (count.people() < 5) {
                assertThat(cell.people()).as("%s small", count).isEqualTo("<5");
            } else {
                assertThat(cell.people()).as("%s", count).isIn(String.valueOf(count.people()), "*");
            }
        }
    }

    /** The tallies by previous month hold what a count of every person's months gives, at both levels. */
    private void assertTalliesByPreviousMonthAsCounted() {
        assertThat(jdbc.queryForList("""
                select row(theme, system_actor, organisation, month, previous_month, people)::text
                from barrier_month_since_at where people <> 0 and organisation like 'range-%' order by 1
                """, String.class)).as("by previous month, per organisation").isEqualTo(jdbc.queryForList("""
                select row(theme, system_actor, organisation, month, previous_month, count(*))::text
                from (select theme, system_actor, organisation, month,
                             coalesce(lag(month) over (partition by pseudonym, theme, system_actor, organisation
                                                       order by month), '-infinity') as previous_month
                      from barrier_person_month where organisation like 'range-%') counted
                group by theme, system_actor, organisation, month, previous_month order by 1
                """, String.class));
        String[] themes = java.util.Arrays.stream(PATTERNS).map(pattern -> pattern[0]).toArray(String[]::new);
        assertThat(jdbc.queryForList("""
                select row(theme, system_actor, month, previous_month, people)::text
                from barrier_month_since where people <> 0 and theme = any (?) and system_actor = 'private-landlord'
                  and month between '2022-10-01' and '2023-06-01' order by 1
                """, String.class, (Object) themes)).as("by previous month, across organisations").isEqualTo(jdbc.queryForList("""
                select row(theme, system_actor, month, previous_month, count(*))::text
                from (select theme, system_actor, month,
                             coalesce(lag(month) over (partition by pseudonym, theme, system_actor order by month),
                                      '-infinity') as previous_month
                      from (select distinct pseudonym, theme, system_actor, month from barrier_person_month) months) counted
                where theme = any (?) and system_actor = 'private-landlord' and month between '2022-10-01' and '2023-06-01'
                group by theme, system_actor, month, previous_month order by 1
                """, String.class, (Object) themes));
        assertThat(jdbc.queryForObject("select count(*) from barrier_month_since_at where organisation like 'range-%' and previous_month <> '-infinity'",
                Long.class)).as("people met the same pattern in more than one month").isPositive();
        assertThat(jdbc.queryForList("""
                select row(theme, system_actor, organisation, day, previous_day, people)::text
                from barrier_day_since_at where people <> 0 and organisation like 'range-%' order by 1
                """, String.class)).as("by previous day, per organisation").isEqualTo(jdbc.queryForList("""
                select row(theme, system_actor, organisation, day, previous_day, count(*))::text
                from (select theme, system_actor, organisation, observed_on as day,
                             coalesce(lag(observed_on) over (partition by pseudonym, theme, system_actor, organisation
                                                             order by observed_on),
                                      '-infinity') as previous_day
                      from (select distinct pseudonym, theme, system_actor, organisation, observed_on
                            from barrier_observation where organisation like 'range-%') met) counted
                group by theme, system_actor, organisation, day, previous_day order by 1
                """, String.class));
        assertThat(jdbc.queryForList("""
                select row(theme, system_actor, day, previous_day, people)::text
                from barrier_day_since where people <> 0 and theme = any (?) and system_actor = 'private-landlord'
                  and day between '2022-10-01' and '2023-06-30' order by 1
                """, String.class, (Object) themes)).as("by previous day, across organisations").isEqualTo(jdbc.queryForList("""
                select row(theme, system_actor, day, previous_day, count(*))::text
                from (select theme, system_actor, observed_on as day,
                             coalesce(lag(observed_on) over (partition by pseudonym, theme, system_actor
                                                             order by observed_on),
                                      '-infinity') as previous_day
                      from (select distinct pseudonym, theme, system_actor, observed_on from barrier_observation) met) counted
                where theme = any (?) and system_actor = 'private-landlord' and day between '2022-10-01' and '2023-06-30'
                group by theme, system_actor, day, previous_day order by 1
                """, String.class, (Object) themes));
        assertThat(jdbc.queryForObject("select count(*) from barrier_day_since_at where organisation like 'range-%' and previous_day <> '-infinity'",
                Long.class)).as("people met the same pattern on two days").isPositive();
    }

    private void assertCountsAsTheObservations(ViewFilters filters) {
        assertThat(counts.byPattern(filters)).as("/barriers %s", filters).isEqualTo(byPattern(filters));
        assertThat(counts.byMonth(filters)).as("/barriers/monthly %s", filters).isEqualTo(byMonth(filters));
    }

    /** What {@code /barriers} means, counted the plain way from every observation in the range. */
    private List<BarrierCount> byPattern(ViewFilters filters) {
        Where where = where(filters);
        return jdbc.query("""
                select theme, system_actor, count(distinct pseudonym) as people, count(distinct organisation) as organisations
                from barrier_observation where %s
                group by theme, system_actor
                order by people desc, organisations desc, theme, system_actor
                """.formatted(where.sql), (rs, row) -> new BarrierCount(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4)), where.parameters.toArray());
    }

    /** What {@code /barriers/monthly} means, counted the plain way from every observation in the range. */
    private List<MonthlyBarrierCount> byMonth(ViewFilters filters) {
        Where where = where(filters);
        return jdbc.query("""
                select to_char(observed_on, 'YYYY-MM'), organisation, theme, system_actor, count(distinct pseudonym)
                from barrier_observation where %s
                group by 1, 2, 3, 4
                order by 1, 2, 3, 4
                """.formatted(where.sql), (rs, row) -> new MonthlyBarrierCount(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5)), where.parameters.toArray());
    }

    private record Where(String sql, List<Object> parameters) {
    }

    private static Where where(ViewFilters filters) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        List<Object> parameters = new ArrayList<>();
        if (filters.from() != null) {
            conditions.add("observed_on >= ?");
            parameters.add(filters.from());
        }
        if (filters.to() != null) {
            conditions.add("observed_on <= ?");
            parameters.add(filters.to());
        }
        if (filters.organisation() != null) {
            conditions.add("organisation = ?");
            parameters.add(filters.organisation());
        }
        if (filters.theme() != null) {
            conditions.add("theme = ?");
            parameters.add(filters.theme());
        }
        if (filters.systemActor() != null) {
            conditions.add("system_actor = ?");
            parameters.add(filters.systemActor());
        }
        return new Where(String.join(" and ", conditions), parameters);
    }

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to)};
    }
}
