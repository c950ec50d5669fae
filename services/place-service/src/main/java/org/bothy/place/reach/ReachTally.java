package org.bothy.place.reach;

import org.bothy.place.intake.EventRows;
import org.bothy.place.tally.TallyChange;
import org.bothy.place.tally.TallyChange.Seen;
import org.bothy.place.tally.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which organisation saw which person in which month ({@code person_month}), and the exact counts that follow from
 * it, kept in the intake's transaction: people per month and organisation ({@code reach_month}), and the revolving
 * door, from the doors at which each person was ever seen ({@code person_door}, {@code door_people}).
 */
@Repository
public class ReachTally {

    /** The revolving door has one scope: the whole place. */
    private static final String PLACE = "place";

    private final JdbcTemplate jdbc;

    public ReachTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation saw a person in a month. */
    public record PersonMonth(String organisation, String pseudonym, LocalDate month) {
    }

    /**
     * Notes every sighting in {@code seen} not yet noted, and counts what that changes: one statement adds the rows and
     * reads what the counts' changes are worked out from, one writes the counts.
     */
    public void seen(Collection<PersonMonth> seen) {
        if (seen.isEmpty()) {
            return;
        }
        List<PersonMonth> added = new ArrayList<>();
        List<Seen<String>> doorsAdded = new ArrayList<>();
        List<Seen<String>> doorsNow = new ArrayList<>();
        // Only a first sighting in some month can be a first sighting at a door. Every part of the statement sees the
        // tables as they were when it began: the doors held now are those held before with those it added.
        jdbc.query("""
                with months_added as (
                    insert into person_month (organisation, pseudonym, month)
                    select distinct * from unnest(?::varchar[], ?::varchar[], ?::date[])
                    on conflict do nothing
                    returning organisation, pseudonym, month
                ),
                doors_added as (
                    insert into person_door (pseudonym, organisation)
                    select distinct pseudonym, organisation from months_added
                    on conflict do nothing
                    returning pseudonym, organisation
                )
                select 'month added' as kind, organisation, pseudonym, month from months_added
                union all
                select 'door added', organisation, pseudonym, null from doors_added
                union all
                select 'door held', d.organisation, d.pseudonym, null from person_door d
                where d.pseudonym in (select pseudonym from doors_added)
                """, rs -> {
                    String kind = rs.getString(1);
                    if (kind.equals("month added")) {
                        added.add(new PersonMonth(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
                    } else {
                        Seen<String> door = new Seen<>(PLACE, rs.getString(3), rs.getString(2));
                        doorsNow.add(door);
                        if (kind.equals("door added")) {
                            doorsAdded.add(door);
                        }
                    }
                },
                seen.stream().map(PersonMonth::organisation).toArray(String[]::new),
                seen.stream().map(PersonMonth::pseudonym).toArray(String[]::new),
                seen.stream().map(month -> Date.valueOf(month.month())).toArray(Date[]::new));
        Upserts writes = new Upserts();
        count(added, 1, writes);
        apply(TallyChange.of(doorsAdded, true, doorsNow), writes);
        writes.write(jdbc);
    }

    /**
     * Counts afresh everything this tally keeps from the rows of {@code seenIn} (every learning event that means a
     * person was seen keeps one row in one of them): for tables a rebuild has just filled, whose tallies are still
     * empty. The same counts as noting the events one by one.
     */
    public void countAll(List<EventRows<?>> seenIn) {
        String sightings = seenIn.stream()
                .map(rows -> "select organisation, pseudonym, " + rows.atColumn() + " as at from " + rows.table())
                .collect(Collectors.joining(" union all "));
        // The month as the intake takes it: the first day of the UTC month the event happened in.
        jdbc.update("insert into person_month (month, organisation, pseudonym) "
                + "select distinct date_trunc('month', at at time zone 'UTC')::date, organisation, pseudonym from ("
                + sightings + ") seen");
        jdbc.update("""
                insert into reach_month (month, organisation, people)
                select month, organisation, count(*) from person_month group by month, organisation
                """);
        jdbc.update("insert into person_door (pseudonym, organisation) select distinct pseudonym, organisation from person_month");
        jdbc.update("""
                insert into door_people (organisation, people, seen_elsewhere_too)
                select door.organisation, count(*), count(*) filter (where doors.organisations >= 2)
                from person_door door
                join (select pseudonym, count(*) as organisations from person_door group by pseudonym) doors using (pseudonym)
                group by door.organisation
                """);
    }

    /** Takes off everything {@code organisation} noted of {@code pseudonym}. */
    public void forget(String organisation, String pseudonym) {
        // person_month is keyed by month first (V14): the months the organisation has a count for name every month
        // the person can have a row in, so each is one probe of the key rather than a scan of the table.
        List<PersonMonth> removed = jdbc.query("""
                delete from person_month
                where month = any (array(select month from reach_month where organisation = ?))
                  and organisation = ? and pseudonym = ?
                returning organisation, pseudonym, month
                """, (rs, row) -> new PersonMonth(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                organisation, organisation, pseudonym);
        Upserts writes = new Upserts();
        count(removed, -1, writes);
        List<Seen<String>> doors = jdbc.query("""
                delete from person_door where pseudonym = ? and organisation = ? returning pseudonym, organisation
                """, (rs, row) -> new Seen<>(PLACE, rs.getString(1), rs.getString(2)), pseudonym, organisation);
        apply(TallyChange.of(doors, false, doorsNow(doors)), writes);
        writes.write(jdbc);
    }

    private static void count(List<PersonMonth> changed, int sign, Upserts writes) {
        Map<List<Object>, Long> people = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        changed.forEach(seen -> people.merge(List.of(seen.month(), seen.organisation()), (long) sign, Long::sum));
        if (people.isEmpty()) {
            return;
        }
        writes.add("reach_month", """
                insert into reach_month (month, organisation, people)
                select * from unnest(?::date[], ?::varchar[], ?::bigint[])
                on conflict (month, organisation) do update set people = reach_month.people + excluded.people
                """,
                people.keySet().stream().map(key -> Date.valueOf((LocalDate) key.get(0))).toArray(Date[]::new),
                people.keySet().stream().map(key -> (String) key.get(1)).toArray(String[]::new),
                people.values().toArray(Long[]::new));
    }

    private List<Seen<String>> doorsNow(List<Seen<String>> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select pseudonym, organisation from person_door where pseudonym = any (?)",
                (rs, row) -> new Seen<>(PLACE, rs.getString(1), rs.getString(2)),
                (Object) changed.stream().map(Seen::pseudonym).distinct().toArray(String[]::new));
    }

    private static void apply(TallyChange<String> change, Upserts writes) {
        List<TallyChange.AtOrganisation<String>> at = change.atOrganisations();
        if (at.isEmpty()) {
            return;
        }
        writes.add("door_people", """
                insert into door_people (organisation, people, seen_elsewhere_too)
                select * from unnest(?::varchar[], ?::bigint[], ?::bigint[])
                on conflict (organisation) do update set people = door_people.people + excluded.people,
                    seen_elsewhere_too = door_people.seen_elsewhere_too + excluded.seen_elsewhere_too
                """,
                at.stream().map(TallyChange.AtOrganisation::organisation).toArray(String[]::new),
                at.stream().map(TallyChange.AtOrganisation::people).toArray(Long[]::new),
                at.stream().map(TallyChange.AtOrganisation::seenElsewhereToo).toArray(Long[]::new));
    }
}
