package org.bothy.place.barriers;

import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.place.barriers.BarrierTally.Pattern;
import org.bothy.place.tally.TallyChange;
import org.bothy.place.tally.TallyChange.Seen;
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
 * {@code barrier_month_people}), so that a range of whole months reads a few rows.
 */
@Repository
public class BarrierMonthTally {

    private static final RowMapper<Seen<MonthPattern>> SEEN = (rs, row) -> new Seen<>(
            new MonthPattern(rs.getObject("month", LocalDate.class), rs.getString("theme"), rs.getString("system_actor")),
            rs.getString("pseudonym"), rs.getString("organisation"));

    private final JdbcTemplate jdbc;
    private final BarrierRangeTally ranges;

    public BarrierMonthTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ranges = new BarrierRangeTally(jdbc);
    }

    /** A pattern in one month (its first day). */
    public record MonthPattern(LocalDate month, String theme, String systemActor) {
    }

    /** Counts the people of {@code barriers} not yet counted for their month, pattern and organisation. */
    public void observed(Collection<BarrierObserved> barriers) {
        if (barriers.isEmpty()) {
            return;
        }
        int size = barriers.size();
        Date[] months = new Date[size];
        String[] themes = new String[size];
        String[] actors = new String[size];
        String[] pseudonyms = new String[size];
        String[] organisations = new String[size];
        int i = 0;
        for (BarrierObserved barrier : barriers) {
            months[i] = Date.valueOf(barrier.observedOn().withDayOfMonth(1));
            themes[i] = barrier.theme();
            actors[i] = barrier.systemActor();
            pseudonyms[i] = barrier.pseudonym();
            organisations[i++] = barrier.organisation();
        }
        List<Seen<MonthPattern>> added = jdbc.query("""
                insert into barrier_person_month (month, theme, system_actor, pseudonym, organisation)
                select distinct * from unnest(?::date[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                on conflict do nothing
                returning month, theme, system_actor, pseudonym, organisation
                """, SEEN, months, themes, actors, pseudonyms, organisations);
        List<Seen<MonthPattern>> now = now(added);
        apply(TallyChange.of(added, true, now));
        ranges.changed(added, true, now);
    }

    /**
     * Counts afresh, from every row of {@code barrier_observation}, everything this tally keeps: for tables a rebuild
     * has just filled, whose tallies are still empty. The same counts as keeping them row by row.
     */
    public void countAll() {
        jdbc.update("""
                insert into barrier_person_month (month, theme, system_actor, pseudonym, organisation)
                select distinct date_trunc('month', observed_on)::date, theme, system_actor, pseudonym, organisation
                from barrier_observation
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
        List<Seen<MonthPattern>> removed = jdbc.query("""
                delete from barrier_person_month
                where pseudonym = ? and organisation = ?
                returning month, theme, system_actor, pseudonym, organisation
                """, SEEN, pseudonym, organisation);
        List<Seen<MonthPattern>> now = now(removed);
        apply(TallyChange.of(removed, false, now));
        ranges.changed(removed, false, now);
    }

    /**
     * Every row now held for each person and pattern of {@code changed}, in any month and at any organisation: what
     * both this tally (the same month) and the range tally (every month) work their changes out from.
     */
    private List<Seen<MonthPattern>> now(List<Seen<MonthPattern>> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select b.month, b.theme, b.system_actor, b.pseudonym, b.organisation
                from barrier_person_month b
                join (select distinct * from unnest(?::varchar[], ?::varchar[], ?::varchar[]))
                     k (pseudonym, theme, system_actor)
                  on b.pseudonym = k.pseudonym and b.theme = k.theme and b.system_actor = k.system_actor
                """, SEEN,
                changed.stream().map(Seen::pseudonym).toArray(String[]::new),
                changed.stream().map(seen -> seen.scope().theme()).toArray(String[]::new),
                changed.stream().map(seen -> seen.scope().systemActor()).toArray(String[]::new));
    }

    private void apply(TallyChange<MonthPattern> change) {
        List<TallyChange.AtOrganisation<MonthPattern>> at = change.atOrganisations();
        if (!at.isEmpty()) {
            jdbc.update("""
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
            jdbc.update("""
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
