package org.bothy.place.barriers;

import org.bothy.place.barriers.BarrierTally.Pattern;
import org.bothy.place.tally.TallyChange;
import org.bothy.place.tally.TallyChange.Seen;
import org.bothy.place.tally.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Distinct people per month (of the day a barrier was met) and pattern, per organisation and across them, kept exact
 * in the intake's transaction: which organisation saw which person meet which pattern in which month
 * ({@code barrier_person_month}) and the counts that follow from it ({@code barrier_month_people_at},
 * {@code barrier_month_people}), so that a range of whole months reads a few rows. Which days of the month a person
 * met the pattern on are kept with each row, for the tallies by day ({@link BarrierDayTally}); the ranges of several
 * months are counted by {@link BarrierRangeTally}.
 */
@Repository
public class BarrierMonthTally {

    static final RowMapper<Seen<MonthPattern>> SEEN = (rs, row) -> new Seen<>(
            new MonthPattern(rs.getObject("month", LocalDate.class), rs.getString("theme"), rs.getString("system_actor")),
            rs.getString("pseudonym"), rs.getString("organisation"));
    static final RowMapper<DaysMet> DAYS_MET = (rs, row) -> new DaysMet(SEEN.mapRow(rs, row),
            rs.getInt("days_before"), rs.getInt("days"));

    private final JdbcTemplate jdbc;
    private final BarrierRangeTally ranges;
    private final BarrierDayTally days;

    public BarrierMonthTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ranges = new BarrierRangeTally(jdbc);
        this.days = new BarrierDayTally(jdbc);
    }

    /** A pattern in one month (its first day). */
    public record MonthPattern(LocalDate month, String theme, String systemActor) {
    }

    /**
     * The days of its month (bit d-1 for day d) on which an organisation saw a person meet a pattern, before and after
     * a change: 0 before for a row just added, 0 after for one taken away.
     */
    record DaysMet(Seen<MonthPattern> seen, int before, int after) {
    }

    /**
     * Adds to {@code writes} the counts of rows of {@code barrier_person_month} that {@code changed} (added, or given
     * a day), given {@code now}: every row held after the change for the same people and patterns, in any month and
     * at any organisation (as {@link BarrierProjection} reads them with it).
     */
    void changed(List<DaysMet> changed, List<DaysMet> now, Upserts writes) {
        List<Seen<MonthPattern>> added = changed.stream().filter(met -> met.before() == 0).map(DaysMet::seen).toList();
        List<Seen<MonthPattern>> nowSeen = now.stream().map(DaysMet::seen).toList();
        apply(TallyChange.of(added, true, nowSeen), writes);
        ranges.changed(added, true, nowSeen, writes);
        days.changed(changed, now, writes);
    }

    /**
     * Counts afresh, from every row of {@code barrier_observation}, everything this tally keeps: for tables a rebuild
     * has just filled, whose tallies are still empty. The same counts as keeping them row by row.
     */
    public void countAll() {
        jdbc.update("""
                insert into barrier_person_month (month, theme, system_actor, pseudonym, organisation, days)
                select date_trunc('month', observed_on)::date, theme, system_actor, pseudonym, organisation,
                       bit_or(1 << (extract(day from observed_on)::int - 1))
                from barrier_observation
                group by 1, 2, 3, 4, 5
                """);
        jdbc.update("""
                insert into barrier_month_people_at (month, organisation, theme, system_actor, people)
                select month, organisation, theme, system_actor, count(*) from barrier_person_month
                group by month, organisation, theme, system_actor
                """);
        jdbc.update("""
                insert into barrier_month_people (month, theme, system_actor, people)
                select month, theme, system_actor, count(*)
                from (select distinct month, theme, system_actor, pseudonym from barrier_person_month) p
                group by month, theme, system_actor
                """);
        // The months' counts follow from the days'.
        days.countAll();
        ranges.countAll();
    }

    /**
     * Takes off every count {@code organisation} contributed for {@code pseudonym}, who met only {@code patterns}
     * there (as {@link BarrierTally#forget} returns them).
     */
    public void forget(String organisation, String pseudonym, Collection<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return;
        }
        // Keyed by person first (V18): the person's rows are one stretch of the key.
        List<DaysMet> changed = jdbc.query("""
                delete from barrier_person_month
                where pseudonym = ? and organisation = ?
                returning month, theme, system_actor, pseudonym, organisation, days as days_before, 0 as days
                """, DAYS_MET, pseudonym, organisation);
        List<Seen<MonthPattern>> removed = changed.stream().map(DaysMet::seen).toList();
        List<DaysMet> now = now(changed);
        List<Seen<MonthPattern>> nowSeen = now.stream().map(DaysMet::seen).toList();
        Upserts writes = new Upserts();
        apply(TallyChange.of(removed, false, nowSeen), writes);
        ranges.changed(removed, false, nowSeen, writes);
        days.changed(changed, now, writes);
        writes.write(jdbc);
    }

    /**
     * Every row now held for each person and pattern of {@code changed}, in any month and at any organisation: what
     * both this tally (the same month) and the range tally (every month) work their changes out from.
     */
    private List<DaysMet> now(List<DaysMet> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select b.month, b.theme, b.system_actor, b.pseudonym, b.organisation, b.days as days_before, b.days
                from barrier_person_month b
                join (select distinct * from unnest(?::varchar[], ?::varchar[], ?::varchar[]))
                     k (pseudonym, theme, system_actor)
                  on b.pseudonym = k.pseudonym and b.theme = k.theme and b.system_actor = k.system_actor
                """, DAYS_MET,
                changed.stream().map(met -> met.seen().pseudonym()).toArray(String[]::new),
                changed.stream().map(met -> met.seen().scope().theme()).toArray(String[]::new),
                changed.stream().map(met -> met.seen().scope().systemActor()).toArray(String[]::new));
    }

    private static void apply(TallyChange<MonthPattern> change, Upserts writes) {
        List<TallyChange.AtOrganisation<MonthPattern>> at = change.atOrganisations();
        if (!at.isEmpty()) {
            writes.add("barrier_month_people_at", """
                    insert into barrier_month_people_at (month, organisation, theme, system_actor, people)
                    select * from unnest(?::date[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[])
                    on conflict (month, organisation, theme, system_actor)
                    do update set people = barrier_month_people_at.people + excluded.people
                    """,
                    at.stream().map(c -> Date.valueOf(c.scope().month())).toArray(Date[]::new),
                    at.stream().map(TallyChange.AtOrganisation::organisation).toArray(String[]::new),
                    at.stream().map(c -> c.scope().theme()).toArray(String[]::new),
                    at.stream().map(c -> c.scope().systemActor()).toArray(String[]::new),
                    at.stream().map(TallyChange.AtOrganisation::people).toArray(Long[]::new));
        }
        List<TallyChange.Overall<MonthPattern>> overall = change.overall();
        if (!overall.isEmpty()) {
            writes.add("barrier_month_people", """
                    insert into barrier_month_people (month, theme, system_actor, people)
                    select * from unnest(?::date[], ?::varchar[], ?::varchar[], ?::bigint[])
                    on conflict (month, theme, system_actor) do update set people = barrier_month_people.people + excluded.people
                    """,
                    overall.stream().map(c -> Date.valueOf(c.scope().month())).toArray(Date[]::new),
                    overall.stream().map(c -> c.scope().theme()).toArray(String[]::new),
                    overall.stream().map(c -> c.scope().systemActor()).toArray(String[]::new),
                    overall.stream().map(TallyChange.Overall::people).toArray(Long[]::new));
        }
    }
}
