package org.bothy.place.barriers;

import org.bothy.place.barriers.BarrierMonthTally.DaysMet;
import org.bothy.place.barriers.BarrierMonthTally.MonthPattern;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * People per day and pattern counted by the previous day of the same month on which the person met the pattern (per
 * organisation in {@code barrier_day_since_at}, across organisations in {@code barrier_day_since}), so that the
 * people of days d1..d2 of one month are a sum: every day in d1..d2, the people whose previous day is before d1. Kept
 * from the days of each row of {@code barrier_person_month} as {@link BarrierMonthTally} changes them.
 */
final class BarrierDayTally {

    private final JdbcTemplate jdbc;

    BarrierDayTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the counts for the rows whose days {@code changed}, given {@code now}: every row held, after the change,
     * for the same people and patterns.
     */
    void changed(Collection<DaysMet> changed, Collection<DaysMet> now) {
        if (changed.isEmpty()) {
            return;
        }
        // Ordered, so that concurrent writers update tally rows in the same order and cannot deadlock.
        Map<List<Object>, Long> atOrganisation = new TreeMap<>(BarrierRangeTally::compareKeys);
        Map<List<Object>, Long> overall = new TreeMap<>(BarrierRangeTally::compareKeys);
        // A person's days in a month across organisations: every organisation's days, after and before the change.
        Map<List<Object>, Map<String, Integer>> after = new HashMap<>();
        for (DaysMet met : changed) {
            MonthPattern scope = met.seen().scope();
            count(atOrganisation, List.of(scope.theme(), scope.systemActor(), met.seen().organisation()), scope.month(),
                    met.before(), -1);
            count(atOrganisation, List.of(scope.theme(), scope.systemActor(), met.seen().organisation()), scope.month(),
                    met.after(), 1);
            after.computeIfAbsent(personMonth(met), k -> new HashMap<>());
        }
        for (DaysMet met : now) {
            Map<String, Integer> organisations = after.get(personMonth(met));
            if (organisations != null) {
                organisations.put(met.seen().organisation(), met.after());
            }
        }
        Map<List<Object>, Map<String, Integer>> before = new HashMap<>();
        after.forEach((person, organisations) -> before.put(person, new HashMap<>(organisations)));
        for (DaysMet met : changed) {
            before.get(personMonth(met)).put(met.seen().organisation(), met.before());
        }
        after.forEach((person, organisations) -> {
            List<Object> prefix = List.of(person.get(1), person.get(2));
            LocalDate month = (LocalDate) person.get(3);
            count(overall, prefix, month, union(before.get(person)), -1);
            count(overall, prefix, month, union(organisations), 1);
        });
        atOrganisation.values().removeIf(people -> people == 0);
        overall.values().removeIf(people -> people == 0);
        write(atOrganisation, overall);
    }

    /** Counts afresh, from every row of {@code barrier_person_month}, for tables a rebuild has just filled. */
    void countAll() {
        jdbc.update("""
                insert into barrier_day_since_at (theme, system_actor, organisation, day, previous_day, people)
                select theme, system_actor, organisation, day, previous_day, count(*)
                from (select theme, system_actor, organisation, day,
                             coalesce(lag(day) over (partition by pseudonym, theme, system_actor, organisation, month
                                                     order by day), '-infinity') as previous_day
                      from (select b.pseudonym, b.theme, b.system_actor, b.organisation, b.month, (b.month + d - 1) as day
                            from barrier_person_month b, generate_series(1, 31) d
                            where b.days & (1 << (d - 1)) <> 0) met) counted
                group by theme, system_actor, organisation, day, previous_day
                """);
        jdbc.update("""
                insert into barrier_day_since (theme, system_actor, day, previous_day, people)
                select theme, system_actor, day, previous_day, count(*)
                from (select theme, system_actor, day,
                             coalesce(lag(day) over (partition by pseudonym, theme, system_actor, month order by day),
                                      '-infinity') as previous_day
                      from (select b.pseudonym, b.theme, b.system_actor, b.month, (b.month + d - 1) as day
                            from (select pseudonym, theme, system_actor, month, bit_or(days) as days
                                  from barrier_person_month group by pseudonym, theme, system_actor, month) b,
                                 generate_series(1, 31) d
                            where b.days & (1 << (d - 1)) <> 0) met) counted
                group by theme, system_actor, day, previous_day
                """);
    }

    private static List<Object> personMonth(DaysMet met) {
        MonthPattern scope = met.seen().scope();
        return List.of(met.seen().pseudonym(), scope.theme(), scope.systemActor(), scope.month());
    }

    private static int union(Map<String, Integer> organisations) {
        int days = 0;
        for (int some : organisations.values()) {
            days |= some;
        }
        return days;
    }

    /** Adds {@code sign} for each day of {@code days} (bit d-1 for day d of {@code month}) under its previous day. */
    private static void count(Map<List<Object>, Long> tally, List<Object> prefix, LocalDate month, int days, int sign) {
        LocalDate previous = LocalDate.MIN;
        for (int bit = 0; bit < 31; bit++) {
            if ((days & (1 << bit)) != 0) {
                LocalDate day = month.plusDays(bit);
                List<Object> key = new ArrayList<>(prefix);
                key.add(day);
                key.add(previous);
                tally.merge(key, (long) sign, Long::sum);
                previous = day;
            }
        }
    }

    private void write(Map<List<Object>, Long> atOrganisation, Map<List<Object>, Long> overall) {
        if (!atOrganisation.isEmpty()) {
            jdbc.update("""
                    insert into barrier_day_since_at as t (theme, system_actor, organisation, day, previous_day, people)
                    select theme, system_actor, organisation, day, coalesce(previous_day, '-infinity'), people
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[])
                         as c (theme, system_actor, organisation, day, previous_day, people)
                    on conflict (theme, system_actor, organisation, day, previous_day)
                    do update set people = t.people + excluded.people
                    """,
                    BarrierRangeTally.column(atOrganisation, 0), BarrierRangeTally.column(atOrganisation, 1),
                    BarrierRangeTally.column(atOrganisation, 2), BarrierRangeTally.dates(atOrganisation, 3),
                    BarrierRangeTally.dates(atOrganisation, 4), atOrganisation.values().toArray(Long[]::new));
        }
        if (!overall.isEmpty()) {
            jdbc.update("""
                    insert into barrier_day_since as t (theme, system_actor, day, previous_day, people)
                    select theme, system_actor, day, coalesce(previous_day, '-infinity'), people
                    from unnest(?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[])
                         as c (theme, system_actor, day, previous_day, people)
                    on conflict (theme, system_actor, day, previous_day)
                    do update set people = t.people + excluded.people
                    """,
                    BarrierRangeTally.column(overall, 0), BarrierRangeTally.column(overall, 1),
                    BarrierRangeTally.dates(overall, 2), BarrierRangeTally.dates(overall, 3),
                    overall.values().toArray(Long[]::new));
        }
    }
}
