package org.bothy.place.barriers;

import org.bothy.place.tally.TallyChange;
import org.bothy.place.tally.TallyChange.Seen;
import org.bothy.place.tally.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;

/**
 * Distinct people per pattern (theme and system actor), per organisation and across them, kept exact in the intake's
 * transaction: which organisation saw which person meet which pattern ({@code barrier_person}) and the counts that
 * follow from it ({@code barrier_people_at}, {@code barrier_people}).
 */
@Repository
public class BarrierTally {

    private final JdbcTemplate jdbc;

    public BarrierTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A theme and the system actor causing it. */
    public record Pattern(String theme, String systemActor) {
    }

    /**
     * Adds to {@code writes} the counts of rows {@code added} to {@code barrier_person}, given {@code now}: every row
     * held after the addition for the same people and patterns (as {@link BarrierProjection} reads them with it).
     */
    void added(List<Seen<Pattern>> added, Collection<Seen<Pattern>> now, Upserts writes) {
        apply(TallyChange.of(added, true, now), writes);
    }

    /**
     * Counts afresh, from every row of {@code barrier_observation}, everything this tally keeps: for tables a rebuild
     * has just filled, whose tallies are still empty. The same counts as keeping them row by row.
     */
    public void countAll() {
        jdbc.update("""
                insert into barrier_person (pseudonym, theme, system_actor, organisation)
                select distinct pseudonym, theme, system_actor, organisation from barrier_observation
                """);
        jdbc.update("""
                insert into barrier_people_at (theme, system_actor, organisation, people)
                select theme, system_actor, organisation, count(*) from barrier_person
                group by theme, system_actor, organisation
                """);
        jdbc.update("""
                insert into barrier_people (theme, system_actor, people)
                select theme, system_actor, count(*) from (select distinct theme, system_actor, pseudonym from barrier_person) p
                group by theme, system_actor
                """);
    }

    /** Takes off every count {@code organisation} contributed for {@code pseudonym}; returns the patterns touched. */
    public List<Pattern> forget(String organisation, String pseudonym) {
        List<Seen<Pattern>> removed = jdbc.query("""
                delete from barrier_person where pseudonym = ? and organisation = ?
                returning pseudonym, theme, system_actor, organisation
                """, (rs, row) -> new Seen<>(new Pattern(rs.getString(2), rs.getString(3)), rs.getString(1), rs.getString(4)),
                pseudonym, organisation);
        Upserts writes = new Upserts();
        apply(TallyChange.of(removed, false, now(removed)), writes);
        writes.write(jdbc);
        return removed.stream().map(Seen::scope).distinct().toList();
    }

    /** Every organisation now holding each person of {@code changed} under the same pattern. */
    private List<Seen<Pattern>> now(List<Seen<Pattern>> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select b.pseudonym, b.theme, b.system_actor, b.organisation
                from barrier_person b
                join (select distinct * from unnest(?::varchar[], ?::varchar[], ?::varchar[])) k (pseudonym, theme, system_actor)
                  on b.pseudonym = k.pseudonym and b.theme = k.theme and b.system_actor = k.system_actor
                """, (rs, row) -> new Seen<>(new Pattern(rs.getString(2), rs.getString(3)), rs.getString(1), rs.getString(4)),
                changed.stream().map(Seen::pseudonym).toArray(String[]::new),
                changed.stream().map(seen -> seen.scope().theme()).toArray(String[]::new),
                changed.stream().map(seen -> seen.scope().systemActor()).toArray(String[]::new));
    }

    private static void apply(TallyChange<Pattern> change, Upserts writes) {
        List<TallyChange.AtOrganisation<Pattern>> at = change.atOrganisations();
        if (!at.isEmpty()) {
            writes.add("barrier_people_at", """
                    insert into barrier_people_at (theme, system_actor, organisation, people)
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[])
                    on conflict (theme, system_actor, organisation)
                    do update set people = barrier_people_at.people + excluded.people
                    """,
                    at.stream().map(c -> c.scope().theme()).toArray(String[]::new),
                    at.stream().map(c -> c.scope().systemActor()).toArray(String[]::new),
                    at.stream().map(TallyChange.AtOrganisation::organisation).toArray(String[]::new),
                    at.stream().map(TallyChange.AtOrganisation::people).toArray(Long[]::new));
        }
        List<TallyChange.Overall<Pattern>> overall = change.overall();
        if (!overall.isEmpty()) {
            writes.add("barrier_people", """
                    insert into barrier_people (theme, system_actor, people)
                    select * from unnest(?::varchar[], ?::varchar[], ?::bigint[])
                    on conflict (theme, system_actor) do update set people = barrier_people.people + excluded.people
                    """,
                    overall.stream().map(c -> c.scope().theme()).toArray(String[]::new),
                    overall.stream().map(c -> c.scope().systemActor()).toArray(String[]::new),
                    overall.stream().map(TallyChange.Overall::people).toArray(Long[]::new));
        }
    }
}
