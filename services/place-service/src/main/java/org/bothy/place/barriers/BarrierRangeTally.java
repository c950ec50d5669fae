package org.bothy.place.barriers;

import org.bothy.place.barriers.BarrierMonthTally.MonthPattern;
import org.bothy.place.tally.TallyChange.Seen;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * People per month and pattern counted by the previous month the person met the pattern (per organisation in
 * {@code barrier_month_since_at}, across organisations in {@code barrier_month_since}), so that the people of any
 * range of whole months a..b are a sum: every month m in a..b, the people whose previous month is before a. Kept from
 * the rows of {@code barrier_person_month} as {@link BarrierMonthTally} adds and removes them.
 */
final class BarrierRangeTally {

    // A person's first month under a pattern has no previous month: stored as the date before every other.
    private static final String NONE = "-infinity";

    private final JdbcTemplate jdbc;

    BarrierRangeTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A pattern met by one person: whose months the tally counts. */
    record PersonPattern(String pseudonym, String theme, String systemActor) {

        static PersonPattern of(Seen<MonthPattern> seen) {
            return new PersonPattern(seen.pseudonym(), seen.scope().theme(), seen.scope().systemActor());
        }
    }

    /**
     * Moves the counts for rows {@code changed}, just added (or just taken away), given {@code now}: every row held,
     * after the change, for the same people and patterns in any month and organisation.
     */
    void changed(Collection<Seen<MonthPattern>> changed, boolean added, Collection<Seen<MonthPattern>> now) {
        if (changed.isEmpty()) {
            return;
        }
        Map<PersonPattern, Set<Seen<MonthPattern>>> after = new HashMap<>();
        Map<PersonPattern, Set<String>> organisationsChanged = new HashMap<>();
        for (Seen<MonthPattern> seen : changed) {
            after.computeIfAbsent(PersonPattern.of(seen), k -> new HashSet<>());
            organisationsChanged.computeIfAbsent(PersonPattern.of(seen), k -> new TreeSet<>()).add(seen.organisation());
        }
        for (Seen<MonthPattern> seen : now) {
            Set<Seen<MonthPattern>> rows = after.get(PersonPattern.of(seen));
            if (rows != null) {
                rows.add(seen);
            }
        }
        Map<PersonPattern, Set<Seen<MonthPattern>>> before = new HashMap<>();
        after.forEach((person, rows) -> before.put(person, new HashSet<>(rows)));
        for (Seen<MonthPattern> seen : changed) {
            if (added) {
                before.get(PersonPattern.of(seen)).remove(seen);
            } else {
                before.get(PersonPattern.of(seen)).add(seen);
            }
        }
        // Ordered, so that concurrent writers update tally rows in the same order and cannot deadlock.
        Map<List<Object>, Long> atOrganisation = new TreeMap<>(BarrierRangeTally::compareKeys);
        Map<List<Object>, Long> overall = new TreeMap<>(BarrierRangeTally::compareKeys);
        after.forEach((person, rows) -> {
            for (String organisation : organisationsChanged.get(person)) {
                List<Object> prefix = List.of(person.theme(), person.systemActor(), organisation);
                count(atOrganisation, prefix, months(before.get(person), organisation), -1);
                count(atOrganisation, prefix, months(rows, organisation), 1);
            }
            List<Object> prefix = List.of(person.theme(), person.systemActor());
            count(overall, prefix, months(before.get(person), null), -1);
            count(overall, prefix, months(rows, null), 1);
        });
        atOrganisation.values().removeIf(people -> people == 0);
        overall.values().removeIf(people -> people == 0);
        write(atOrganisation, overall);
    }

    /**
     * Counts afresh, for tables a rebuild has just filled, from the tallies by previous day ({@link BarrierDayTally},
     * counted first): a person's first day in a month is the day whose previous day lies in another month (or none),
     * and that day's month is the previous month. A few thousand rows read, where sorting the people's months again
     * would read every row of {@code barrier_person_month}.
     */
    void countAll() {
        jdbc.update("""
                insert into barrier_month_since_at (theme, system_actor, organisation, month, previous_month, people)
                select theme, system_actor, organisation, date_trunc('month', day)::date,
                       case when previous_day = '-infinity' then previous_day
                            else date_trunc('month', previous_day)::date end,
                       sum(people)
                from barrier_day_since_at
                where previous_day < date_trunc('month', day)::date
                group by 1, 2, 3, 4, 5
                """);
        jdbc.update("""
                insert into barrier_month_since (theme, system_actor, month, previous_month, people)
                select theme, system_actor, date_trunc('month', day)::date,
                       case when previous_day = '-infinity' then previous_day
                            else date_trunc('month', previous_day)::date end,
                       sum(people)
                from barrier_day_since
                where previous_day < date_trunc('month', day)::date
                group by 1, 2, 3, 4
                """);
    }

    /** The months of {@code rows} at {@code organisation} (at any, when null), oldest first. */
    private static TreeSet<LocalDate> months(Set<Seen<MonthPattern>> rows, String organisation) {
        TreeSet<LocalDate> months = new TreeSet<>();
        for (Seen<MonthPattern> seen : rows) {
            if (organisation == null || organisation.equals(seen.organisation())) {
                months.add(seen.scope().month());
            }
        }
        return months;
    }

    /** Adds {@code sign} for each of {@code months} under its previous month (null for none). */
    private static void count(Map<List<Object>, Long> tally, List<Object> prefix, TreeSet<LocalDate> months, int sign) {
        LocalDate previous = null;
        for (LocalDate month : months) {
            List<Object> key = new ArrayList<>(prefix);
            key.add(month);
            key.add(previous == null ? LocalDate.MIN : previous);
            tally.merge(key, (long) sign, Long::sum);
            previous = month;
        }
    }

    /** Orders tally keys (codes, organisations and dates) element by element: the order rows are written in. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Object> one, List<Object> other) {
        for (int i = 0; i < one.size(); i++) {
            int compared = ((Comparable) one.get(i)).compareTo(other.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    private void write(Map<List<Object>, Long> atOrganisation, Map<List<Object>, Long> overall) {
        if (!atOrganisation.isEmpty()) {
            jdbc.update("""
                    insert into barrier_month_since_at as t (theme, system_actor, organisation, month, previous_month, people)
                    select theme, system_actor, organisation, month, coalesce(previous_month, '%s'), people
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[])
                         as c (theme, system_actor, organisation, month, previous_month, people)
                    on conflict (theme, system_actor, organisation, month, previous_month)
                    do update set people = t.people + excluded.people
                    """.formatted(NONE),
                    column(atOrganisation, 0), column(atOrganisation, 1), column(atOrganisation, 2),
                    dates(atOrganisation, 3), dates(atOrganisation, 4), atOrganisation.values().toArray(Long[]::new));
        }
        if (!overall.isEmpty()) {
            jdbc.update("""
                    insert into barrier_month_since as t (theme, system_actor, month, previous_month, people)
                    select theme, system_actor, month, coalesce(previous_month, '%s'), people
                    from unnest(?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[])
                         as c (theme, system_actor, month, previous_month, people)
                    on conflict (theme, system_actor, month, previous_month)
                    do update set people = t.people + excluded.people
                    """.formatted(NONE),
                    column(overall, 0), column(overall, 1), dates(overall, 2), dates(overall, 3),
                    overall.values().toArray(Long[]::new));
        }
    }

    /** A text column of the keys of {@code tally}. */
    static String[] column(Map<List<Object>, Long> tally, int at) {
        return tally.keySet().stream().map(key -> (String) key.get(at)).toArray(String[]::new);
    }

    /** A date column, with no previous month (LocalDate.MIN in the keys) sent as null. */
    static Date[] dates(Map<List<Object>, Long> tally, int at) {
        return tally.keySet().stream()
                .map(key -> (LocalDate) key.get(at))
                .map(date -> date.equals(LocalDate.MIN) ? null : Date.valueOf(date))
                .toArray(Date[]::new);
    }
}
