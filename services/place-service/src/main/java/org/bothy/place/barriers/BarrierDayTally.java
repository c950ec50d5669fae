package org.bothy.place.barriers;

import org.bothy.place.barriers.BarrierMonthTally.DaysMet;
import org.bothy.place.barriers.BarrierMonthTally.MonthPattern;
import org.bothy.place.tally.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * People per day and pattern counted by the previous day on which the person met the pattern (per organisation in
 * {@code barrier_day_since_at}, across organisations in {@code barrier_day_since}), so that the people of any days
 * d1..d2 are a sum: every day in d1..d2, the people whose previous day is before d1. Kept from the days of each row of
 * {@code barrier_person_month} as {@link BarrierMonthTally} changes them.
 */
final class BarrierDayTally {

    private final JdbcTemplate jdbc;

    BarrierDayTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds to {@code writes} the moves of the counts for the rows whose days {@code changed}, given {@code now}: every
     * row held, after the change, for the same people and patterns, in every month.
     */
    void changed(Collection<DaysMet> changed, Collection<DaysMet> now, Upserts writes) {
        if (changed.isEmpty()) {
            return;
        }
        // Per person and pattern, each organisation's days in each month: after the change, then before it.
        Map<List<Object>, Map<String, Map<LocalDate, Integer>>> after = new HashMap<>();
        Map<List<Object>, Set<String>> organisationsChanged = new HashMap<>();
        for (DaysMet met : changed) {
            after.computeIfAbsent(personPattern(met), k -> new HashMap<>());
            organisationsChanged.computeIfAbsent(personPattern(met), k -> new TreeSet<>()).add(met.seen().organisation());
        }
        for (DaysMet met : now) {
            Map<String, Map<LocalDate, Integer>> organisations = after.get(personPattern(met));
            if (organisations != null) {
                organisations.computeIfAbsent(met.seen().organisation(), k -> new HashMap<>())
                        .put(met.seen().scope().month(), met.after());
            }
        }
        Map<List<Object>, Map<String, Map<LocalDate, Integer>>> before = new HashMap<>();
        after.forEach((person, organisations) -> {
            Map<String, Map<LocalDate, Integer>> copy = new HashMap<>();
            organisations.forEach((organisation, months) -> copy.put(organisation, new HashMap<>(months)));
            before.put(person, copy);
        });
        for (DaysMet met : changed) {
            before.get(personPattern(met)).computeIfAbsent(met.seen().organisation(), k -> new HashMap<>())
                    .put(met.seen().scope().month(), met.before());
        }
        CountsByPrevious counts = new CountsByPrevious();
        after.forEach((person, organisations) -> {
            String theme = (String) person.get(1);
            String systemActor = (String) person.get(2);
            for (String organisation : organisationsChanged.get(person)) {
                counts.atOrganisation(theme, systemActor, organisation, days(before.get(person), organisation), -1);
                counts.atOrganisation(theme, systemActor, organisation, days(organisations, organisation), 1);
            }
            counts.overall(theme, systemActor, days(before.get(person), null), -1);
            counts.overall(theme, systemActor, days(organisations, null), 1);
        });
        counts.write(writes, "barrier_day_since", "day", "previous_day");
    }

    /**
     * Counts afresh, from every row of {@code barrier_observation} (the days {@code barrier_person_month} keeps come
     * from them: one sort, rather than each row's days spread out), for tables a rebuild has just filled.
     */
    void countAll() {
        jdbc.update("""
                insert into barrier_day_since_at (theme, system_actor, organisation, day, previous_day, people)
                select theme, system_actor, organisation, day, coalesce(previous_day, '-infinity'), count(*)
                from (select theme, system_actor, organisation, observed_on as day,
                             lag(observed_on) over (partition by pseudonym, theme, system_actor, organisation
                                                    order by observed_on) as previous_day
                      from barrier_observation) met
                where previous_day is distinct from day
                group by 1, 2, 3, 4, 5
                """);
        jdbc.update("""
                insert into barrier_day_since (theme, system_actor, day, previous_day, people)
                select theme, system_actor, day, coalesce(previous_day, '-infinity'), count(*)
                from (select theme, system_actor, observed_on as day,
                             lag(observed_on) over (partition by pseudonym, theme, system_actor order by observed_on)
                                 as previous_day
                      from barrier_observation) met
                where previous_day is distinct from day
                group by 1, 2, 3, 4
                """);
    }

    private static List<Object> personPattern(DaysMet met) {
        MonthPattern scope = met.seen().scope();
        return List.of(met.seen().pseudonym(), scope.theme(), scope.systemActor());
    }

    /** The days met at {@code organisation} (at any, when null), oldest first. */
    private static TreeSet<LocalDate> days(Map<String, Map<LocalDate, Integer>> organisations, String organisation) {
        TreeSet<LocalDate> days = new TreeSet<>();
        organisations.forEach((at, months) -> {
            if (organisation == null || organisation.equals(at)) {
                months.forEach((month, bits) -> {
                    for (int bit = 0; bit < 31; bit++) {
                        if ((bits & (1 << bit)) != 0) {
                            days.add(month.plusDays(bit));
                        }
                    }
                });
            }
        });
        return days;
    }
}
