package org.bothy.place.barriers;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.place.barriers.BarrierMonthTally.DaysMet;
import org.bothy.place.barriers.BarrierMonthTally.MonthPattern;
import org.bothy.place.barriers.BarrierTally.Pattern;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.tally.TallyChange.Seen;
import org.bothy.place.tally.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one row per barrier observed at any partner: the pseudonym, never the person, with its codes, when it was
 * recorded and the day it was met (v1 records are read by the kernel as met on the day recorded, so both versions
 * land here alike). Keeps the distinct-people tallies of {@link BarrierTally} (all time) and
 * {@link BarrierMonthTally} (by month) with them, in two statements per batch: one that adds the rows and reads what
 * the tallies' changes are worked out from, and one that writes every tally's change.
 */
@Component
public class BarrierProjection implements LearningProjection {

    /** One row per barrier observed. */
    public static final EventRows<BarrierObserved> ROWS = new EventRows<>("barrier_observation", BarrierObserved.class,
            List.of("event_id", "pseudonym", "organisation", "journey_id", "barrier_id", "theme", "system_actor", "level",
                    "observed_at", "observed_on"),
            "observed_at",
            barrier -> new Object[] {barrier.eventId(), barrier.pseudonym(), barrier.organisation(), barrier.journeyId(),
                    barrier.barrierId(), barrier.theme(), barrier.systemActor(), barrier.level(),
                    EventRows.utc(barrier.occurredAt()), barrier.observedOn()});

    /*
     * Every part of one statement sees the tables as they were when it began, never another part's rows: so what is
     * held now for a person and pattern is what was held before (read here) with what this statement added or changed
     * (returned by its inserts) laid over it. Each kind of row comes back under a name of its own.
     */
    private static final String OBSERVE = """
            with observations as (
                insert into barrier_observation (event_id, pseudonym, organisation, journey_id, barrier_id, theme,
                                                 system_actor, level, observed_at, observed_on)
                select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::varchar[], ?::varchar[], ?::smallint[], ?::timestamptz[], ?::date[])
            ),
            met as (
                select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::integer[])
                     as met (pseudonym, theme, system_actor, organisation, month, day)
            ),
            persons_added as (
                insert into barrier_person (pseudonym, theme, system_actor, organisation)
                select distinct pseudonym, theme, system_actor, organisation from met
                on conflict do nothing
                returning pseudonym, theme, system_actor, organisation
            ),
            months_changed as (
                -- A row is new (no days before), or gains a day, or is left alone. In key order, so that concurrent
                -- writers lock the rows they update in the same order and cannot deadlock.
                insert into barrier_person_month as b (month, theme, system_actor, pseudonym, organisation, days)
                select month, theme, system_actor, pseudonym, organisation, bit_or(day) from met
                group by pseudonym, theme, system_actor, organisation, month
                order by pseudonym, theme, system_actor, organisation, month
                on conflict (pseudonym, theme, system_actor, organisation, month)
                do update set days = b.days | excluded.days where b.days | excluded.days <> b.days
                returning new.month, new.theme, new.system_actor, new.pseudonym, new.organisation,
                          coalesce(old.days, 0) as days_before, new.days
            )
            select 'person added' as kind, pseudonym, theme, system_actor, organisation,
                   null::date as month, 0 as days_before, 0 as days
            from persons_added
            union all
            select 'person held', b.pseudonym, b.theme, b.system_actor, b.organisation, null, 0, 0
            from barrier_person b
            join (select distinct pseudonym, theme, system_actor from persons_added) k
              on b.pseudonym = k.pseudonym and b.theme = k.theme and b.system_actor = k.system_actor
            union all
            select 'month changed', pseudonym, theme, system_actor, organisation, month, days_before, days
            from months_changed
            union all
            select 'month held', b.pseudonym, b.theme, b.system_actor, b.organisation, b.month, b.days, b.days
            from barrier_person_month b
            join (select distinct pseudonym, theme, system_actor from months_changed) k
              on b.pseudonym = k.pseudonym and b.theme = k.theme and b.system_actor = k.system_actor
            """;

    private final JdbcTemplate jdbc;
    private final BarrierTally tally;
    private final BarrierMonthTally months;

    public BarrierProjection(JdbcTemplate jdbc, BarrierTally tally, BarrierMonthTally months) {
        this.jdbc = jdbc;
        this.tally = tally;
        this.months = months;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<BarrierObserved> barriers = firstSeen.stream()
                .filter(BarrierObserved.class::isInstance)
                .map(BarrierObserved.class::cast)
                .toList();
        if (barriers.isEmpty()) {
            return;
        }
        Read read = observe(barriers);
        Upserts writes = new Upserts();
        tally.added(read.personsAdded(), read.personsNow(), writes);
        months.changed(read.monthsChanged(), read.monthsNow(), writes);
        writes.write(jdbc);
    }

    /**
     * What the rows' statement returned: the rows added to {@code barrier_person}, and every row held now for their
     * people and patterns; the rows of {@code barrier_person_month} added or given a day, and every row held now for
     * their people and patterns.
     */
    private record Read(List<Seen<Pattern>> personsAdded, List<Seen<Pattern>> personsNow, List<DaysMet> monthsChanged,
                        List<DaysMet> monthsNow) {
    }

    private Read observe(List<BarrierObserved> barriers) {
        int size = barriers.size();
        Object[][] columns = new Object[16][];
        String[][] text = {new String[size], new String[size], new String[size], new String[size], new String[size],
                new String[size], new String[size]};
        Integer[] levels = new Integer[size];
        String[] observedAt = new String[size];
        Date[] observedOn = new Date[size];
        Date[] monthsMet = new Date[size];
        Integer[] dayBits = new Integer[size];
        for (int i = 0; i < size; i++) {
            BarrierObserved barrier = barriers.get(i);
            text[0][i] = barrier.eventId();
            text[1][i] = barrier.pseudonym();
            text[2][i] = barrier.organisation();
            text[3][i] = barrier.journeyId();
            text[4][i] = barrier.barrierId();
            text[5][i] = barrier.theme();
            text[6][i] = barrier.systemActor();
            levels[i] = barrier.level();
            // ISO 8601 in UTC, as a rebuild copies it in.
            observedAt[i] = barrier.occurredAt().toString();
            observedOn[i] = Date.valueOf(barrier.observedOn());
            monthsMet[i] = Date.valueOf(barrier.observedOn().withDayOfMonth(1));
            dayBits[i] = 1 << (barrier.observedOn().getDayOfMonth() - 1);
        }
        System.arraycopy(text, 0, columns, 0, 7);
        columns[7] = levels;
        columns[8] = observedAt;
        columns[9] = observedOn;
        columns[10] = text[1];
        columns[11] = text[5];
        columns[12] = text[6];
        columns[13] = text[2];
        columns[14] = monthsMet;
        columns[15] = dayBits;
        List<Seen<Pattern>> personsAdded = new ArrayList<>();
        List<Seen<Pattern>> personsNow = new ArrayList<>();
        List<DaysMet> monthsChanged = new ArrayList<>();
        Map<Seen<MonthPattern>, DaysMet> monthsNow = new LinkedHashMap<>();
        List<DaysMet> monthsHeld = new ArrayList<>();
        jdbc.query(OBSERVE, rs -> {
            String kind = rs.getString("kind");
            if (kind.startsWith("person")) {
                Seen<Pattern> seen = new Seen<>(new Pattern(rs.getString("theme"), rs.getString("system_actor")),
                        rs.getString("pseudonym"), rs.getString("organisation"));
                personsNow.add(seen);
                if (kind.equals("person added")) {
                    personsAdded.add(seen);
                }
            } else {
                DaysMet met = BarrierMonthTally.DAYS_MET.mapRow(rs, 0);
                (kind.equals("month changed") ? monthsChanged : monthsHeld).add(met);
            }
        }, (Object[]) columns);
        // Held as before the statement, then as it left them: a row given a day holds its days after.
        monthsHeld.forEach(met -> monthsNow.put(met.seen(), met));
        monthsChanged.forEach(met -> monthsNow.put(met.seen(), new DaysMet(met.seen(), met.after(), met.after())));
        return new Read(personsAdded, personsNow, monthsChanged, List.copyOf(monthsNow.values()));
    }
}
