package org.bothy.place.barriers;

import org.bothy.place.barriers.BarrierMonthTally.MonthPattern;
import org.bothy.place.tally.TallyChange.Seen;
import org.bothy.place.tally.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * People per month and pattern counted by the previous month the person met the pattern (per organisation in
 * {@code barrier_month_since_at}, across organisations in {@code barrier_month_since}), so that the people of any
 * range of whole months a..b are a sum: every month m in a..b, the people whose previous month is before a. Kept from
 * the rows of {@code barrier_person_month} as {@link BarrierMonthTally} adds and removes them.
 */
final class BarrierRangeTally {

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
     * Adds to {@code writes} the moves of the counts for rows {@code changed}, just added (or just taken away), given {@code now}: every row held,
     * after the change, for the same people and patterns in any month and organisation.
     */
    void changed(Collection<Seen<MonthPattern>> changed, boolean added, Collection<Seen<MonthPattern>> now,
                 Upserts writes) {
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
        CountsByPrevious counts = new CountsByPrevious();
        after.forEach((person, rows) -> {
            for (String organisation : organisationsChanged.get(person)) {
                counts.atOrganisation(person.theme(), person.systemActor(), organisation,
                        months(before.get(person), organisation), -1);
                counts.atOrganisation(person.theme(), person.systemActor(), organisation,
                        months(rows, organisation), 1);
            }
            counts.overall(person.theme(), person.systemActor(), months(before.get(person), null), -1);
            counts.overall(person.theme(), person.systemActor(), months(rows, null), 1);
        });
        counts.write(writes, "barrier_month_since", "month", "previous_month");
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
}
