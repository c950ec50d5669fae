package org.bothy.place.barriers;

import org.bothy.place.tally.Upserts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * One change to a tally of people counted by the previous date (month or day) they met a pattern: per organisation
 * (key: theme, system actor, organisation, date, previous) and across organisations (key: theme, system actor, date,
 * previous). {@link BarrierRangeTally} keeps months and {@link BarrierDayTally} days; both move a person's dates out
 * as they were and in as they are, then write the net difference here.
 */
final class CountsByPrevious {

    // Ordered, so that concurrent writers update tally rows in the same order and cannot deadlock.
    private final Map<List<Object>, Long> atOrganisation = new TreeMap<>(CountsByPrevious::compareKeys);
    private final Map<List<Object>, Long> overall = new TreeMap<>(CountsByPrevious::compareKeys);

    /** Adds {@code sign} for each of {@code dates} (oldest first) at {@code organisation}, under the date before it. */
    void atOrganisation(String theme, String systemActor, String organisation, SortedSet<LocalDate> dates, int sign) {
        count(atOrganisation, List.of(theme, systemActor, organisation), dates, sign);
    }

    /** Adds {@code sign} for each of {@code dates} (oldest first, at any organisation), under the date before it. */
    void overall(String theme, String systemActor, SortedSet<LocalDate> dates, int sign) {
        count(overall, List.of(theme, systemActor), dates, sign);
    }

    /**
     * Adds the writes of the net change into {@code table}_at and {@code table}, whose date columns are {@code date} and
     * {@code previous} (a first date has none: stored as '-infinity', before every other).
     */
    void write(Upserts writes, String table, String date, String previous) {
        atOrganisation.values().removeIf(people -> people == 0);
        overall.values().removeIf(people -> people == 0);
        if (!atOrganisation.isEmpty()) {
            writes.add(table + "_at", """
                    insert into %1$s_at as t (theme, system_actor, organisation, %2$s, %3$s, people)
                    select theme, system_actor, organisation, %2$s, coalesce(%3$s, '-infinity'), people
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[])
                         as c (theme, system_actor, organisation, %2$s, %3$s, people)
                    on conflict (theme, system_actor, organisation, %2$s, %3$s)
                    do update set people = t.people + excluded.people
                    """.formatted(table, date, previous),
                    column(atOrganisation, 0), column(atOrganisation, 1), column(atOrganisation, 2),
                    dates(atOrganisation, 3), dates(atOrganisation, 4), atOrganisation.values().toArray(Long[]::new));
        }
        if (!overall.isEmpty()) {
            writes.add(table, """
                    insert into %1$s as t (theme, system_actor, %2$s, %3$s, people)
                    select theme, system_actor, %2$s, coalesce(%3$s, '-infinity'), people
                    from unnest(?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[])
                         as c (theme, system_actor, %2$s, %3$s, people)
                    on conflict (theme, system_actor, %2$s, %3$s)
                    do update set people = t.people + excluded.people
                    """.formatted(table, date, previous),
                    column(overall, 0), column(overall, 1), dates(overall, 2), dates(overall, 3),
                    overall.values().toArray(Long[]::new));
        }
    }

    private static void count(Map<List<Object>, Long> tally, List<Object> prefix, SortedSet<LocalDate> dates,
                              int sign) {
        LocalDate previous = LocalDate.MIN;
        for (LocalDate date : dates) {
            List<Object> key = new ArrayList<>(prefix);
            key.add(date);
            key.add(previous);
            tally.merge(key, (long) sign, Long::sum);
            previous = date;
        }
    }

    /** Orders tally keys (codes, organisations and dates) element by element: the order rows are written in. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> one, List<Object> other) {
        for (int i = 0; i < one.size(); i++) {
            int compared = ((Comparable) one.get(i)).compareTo(other.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    private static String[] column(Map<List<Object>, Long> tally, int at) {
        return tally.keySet().stream().map(key -> (String) key.get(at)).toArray(String[]::new);
    }

    /** A date column, with no previous date (LocalDate.MIN in the keys) sent as null. */
    private static Date[] dates(Map<List<Object>, Long> tally, int at) {
        return tally.keySet().stream()
                .map(key -> (LocalDate) key.get(at))
                .map(date -> date.equals(LocalDate.MIN) ? null : Date.valueOf(date))
                .toArray(Date[]::new);
    }
}
