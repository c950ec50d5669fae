package org.bothy.place;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.place.cost.CostFigures;
import org.bothy.place.cost.CostOfSupport;
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
 * The cost of support, on real Kafka and PostgreSQL, equals what one plain statement over the contacts gives (every
 * unit counted, per organisation and for all of them, by journey and by person), whatever the filters: one
 * organisation or all, a date range, a theme or system actor. The contacts are in 2021, which no other test uses.
 */
class CostOfSupportTest extends PlaceServiceTestBase {

    private static final List<String> ORGANISATIONS = List.of("cost-east", "cost-west", "cost-north");
    private static final int CONTACTS = 120;

    @Autowired
    CostFigures figures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyFilterGivesWhatAPlainCountOfTheContactsGives() {
        Random random = new Random(2021);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            String organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
            String person = LearningRecords.pseudonym("cost-person-" + random.nextInt(12));
            // Two journeys at most per person and organisation, so that journeys and people differ.
            String journey = "j-" + person.substring(0, 8) + "-" + organisation + "-" + random.nextInt(2);
            Instant at = LocalDate.parse("2021-01-01").plusDays(random.nextInt(180)).atTime(10, 0).toInstant(ZoneOffset.UTC);
            records.add(LearningRecords.record(ORG_A_TOPIC, new ContactRecorded(UUID.randomUUID().toString(), at,
                    organisation, person, journey, "c-" + i, i % 2 == 0 ? "visit" : "call", 5 + random.nextInt(90),
                    random.nextInt(3) == 0 ? 100 * random.nextInt(60) : 0)));
            // Barriers of patterns no other test counts across the place, for the theme and system-actor filters.
            if (i % 4 == 0) {
                records.add(LearningRecords.record(ORG_A_TOPIC, new BarrierObserved(UUID.randomUUID().toString(), at,
                        organisation, person, journey, "b-" + i, i % 8 == 0 ? "physical-health" : "substance-use",
                        "private-landlord", 2, at.atZone(ZoneOffset.UTC).toLocalDate())));
            }
        }
        LearningRecords.send(records.toArray(ProducerRecord[]::new));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from contact where organisation like 'cost-%'", Long.class)).isEqualTo((long) CONTACTS));

        List<LocalDate[]> ranges = List.of(range("2021-01-01", "2021-06-30"), range("2021-02-01", "2021-04-30"),
                range("2021-03-15", "2021-03-15"), range("2020-12-01", "2021-12-31"));
        int compared = 0;
        for (LocalDate[] range : ranges) {
            for (String[] code : List.of(new String[] {null, null}, new String[] {"physical-health", null},
                    new String[] {null, "private-landlord"})) {
                assertCostAsPlainCount(new ViewFilters(range[0], range[1], null, code[0], code[1]));
                for (String organisation : ORGANISATIONS) {
                    assertCostAsPlainCount(new ViewFilters(range[0], range[1], organisation, code[0], code[1]));
                    compared++;
                }
            }
        }
        for (String organisation : ORGANISATIONS) {
            assertCostAsPlainCount(new ViewFilters(null, null, organisation, null, null));
        }
        assertThat(compared).isEqualTo(4 * 3 * 3);
        assertThat(jdbc.queryForObject("show work_mem", String.class))
                .as("the service's connections sort and hash the views' rows in memory (application.yml)").isEqualTo("16MB");
        assertThat(figures.costOfSupport(new ViewFilters(null, null, "cost-east", null, null)))
                .as("one organisation: its rows, then the same as all").hasSize(4)
                .extracting(CostOfSupport::organisation).containsExactly("cost-east", "cost-east", "all", "all");
    }

    private void assertCostAsPlainCount(ViewFilters filters) {
        assertThat(figures.costOfSupport(filters)).as("/cost %s", filters).isEqualTo(plainCount(filters));
    }

    /** The cost of support by one statement that groups every contact in the filters twice, as first written. */
    private List<CostOfSupport> plainCount(ViewFilters filters) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        List<Object> parameters = new ArrayList<>();
        if (filters.from() != null) {
            conditions.add("c.contacted_at >= ?");
            parameters.add(filters.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filters.to() != null) {
            conditions.add("c.contacted_at < ?");
            parameters.add(filters.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filters.organisation() != null) {
            conditions.add("c.organisation = ?");
            parameters.add(filters.organisation());
        }
        if (filters.theme() != null || filters.systemActor() != null) {
            conditions.add("""
                    exists (select 1 from barrier_observation b where b.pseudonym = c.pseudonym
                            and b.organisation = c.organisation and b.theme = coalesce(?, b.theme)
                            and b.system_actor = coalesce(?, b.system_actor))""");
            parameters.add(filters.theme());
            parameters.add(filters.systemActor());
        }
        List<Object> twice = new ArrayList<>(parameters);
        twice.addAll(parameters);
        String where = String.join(" and ", conditions);
        return jdbc.query("""
                with unit as (
                    select c.organisation, 'journey' as per, count(*) as contacts, sum(c.minutes) as minutes,
                           sum(c.spend_pence) as spend
                    from contact c where %1$s group by c.organisation, c.journey_id
                    union all
                    select c.organisation, 'person', count(*), sum(c.minutes), sum(c.spend_pence)
                    from contact c where %1$s group by c.organisation, c.pseudonym
                )
                select coalesce(organisation, 'all'), per, count(*), sum(contacts), sum(minutes), sum(spend),
                       round(avg(spend)::numeric),
                       round((percentile_cont(0.25) within group (order by spend))::numeric),
                       round((percentile_cont(0.5) within group (order by spend))::numeric),
                       round((percentile_cont(0.75) within group (order by spend))::numeric),
                       round((percentile_cont(0.9) within group (order by spend))::numeric),
                       round((percentile_cont(0.5) within group (order by minutes))::numeric),
                       round((percentile_cont(0.9) within group (order by minutes))::numeric),
                       round((percentile_cont(0.5) within group (order by contacts))::numeric)
                from unit
                group by grouping sets ((organisation, per), (per))
                order by organisation is null, organisation, per
                """.formatted(where), (rs, row) -> new CostOfSupport(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)), twice.toArray());
    }

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }
}
