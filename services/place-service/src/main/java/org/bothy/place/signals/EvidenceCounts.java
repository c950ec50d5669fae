package org.bothy.place.signals;

import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.SharedLearning;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the current evidence for one theme and system actor from the barrier projection: distinct people and
 * organisations in all, and within each configured window of days before now, after disclosure control at
 * {@code bothy.place.disclosure-threshold}; and the pattern's most recent shared learning from the learning library.
 */
@Repository
public class EvidenceCounts {

    private final JdbcTemplate jdbc;
    private final CountDisclosure disclosure;
    private final int learningLimit;

    public EvidenceCounts(JdbcTemplate jdbc, SignalProperties properties) {
        this.jdbc = jdbc;
        this.disclosure = new CountDisclosure(properties.disclosureThreshold());
        this.learningLimit = properties.signalLearning();
    }

    /** The signal describing the pattern as it stands at {@code now}, or empty if nothing has been observed. */
    public Optional<EvidenceSignal> signal(String theme, String systemActor, List<Integer> windowDays, Instant now) {
        StringBuilder select = new StringBuilder("""
                select count(distinct pseudonym) as people,
                       count(distinct organisation) as organisations,
                       min(observed_at) as first_seen,
                       max(observed_at) as last_seen""");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < windowDays.size(); i++) {
            select.append(",\n count(distinct pseudonym) filter (where observed_at >= ?) as people_").append(i)
                  .append(",\n count(distinct organisation) filter (where observed_at >= ?) as organisations_").append(i);
            OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(windowDays.get(i), ChronoUnit.DAYS), ZoneOffset.UTC);
            parameters.add(since);
            parameters.add(since);
        }
        select.append("\nfrom barrier_observation where theme = ? and system_actor = ?");
        parameters.add(theme);
        parameters.add(systemActor);
        Optional<EvidenceSignal> counted = jdbc.query(select.toString(), rs -> {
            rs.next();
            int people = rs.getInt("people");
            if (people == 0) {
                return Optional.empty();
            }
            int[] windowPeople = new int[windowDays.size()];
            for (int i = 0; i < windowDays.size(); i++) {
                windowPeople[i] = rs.getInt("people_" + i);
            }
            DisclosedCounts.People shown = DisclosedCounts.people(disclosure, people, windowDays, windowPeople);
            List<WindowCount> windows = new ArrayList<>(windowDays.size());
            for (int i = 0; i < windowDays.size(); i++) {
                windows.add(new WindowCount(windowDays.get(i), shown.windows().get(i),
                        DisclosedCount.of(rs.getInt("organisations_" + i))));
            }
            return Optional.of(new EvidenceSignal(UUID.randomUUID().toString(), now,
                    EvidenceSignal.patternKey(theme, systemActor), theme, systemActor, disclosure.threshold(),
                    shown.total(), DisclosedCount.of(rs.getInt("organisations")), windows, instant(rs, "first_seen"),
                    instant(rs, "last_seen"), List.of()));
        }, parameters.toArray());
        return counted.map(signal -> new EvidenceSignal(signal.eventId(), signal.occurredAt(), signal.patternKey(),
                signal.theme(), signal.systemActor(), signal.disclosureThreshold(), signal.people(), signal.organisations(),
                signal.windows(), signal.firstSeen(), signal.lastSeen(), learning(theme, systemActor)));
    }

    /**
     * The most recent learning summaries (written for sharing) from experiments concluded in journeys that met this
     * barrier, on its theme or on none: the learning library's own rows, so erasure and withdrawn consent apply.
     */
    private List<SharedLearning> learning(String theme, String systemActor) {
        return jdbc.query("""
                select e.organisation, e.concluded_at, e.learning_summary from experiment_learning e
                where (e.theme is null or e.theme = ?)
                  and exists (select 1 from barrier_observation b
                              where b.organisation = e.organisation and b.journey_id = e.journey_id
                                and b.theme = ? and b.system_actor = ?)
                order by e.concluded_at desc, e.event_id
                limit ?
                """, (rs, row) -> new SharedLearning(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
                        rs.getString(3)),
                theme, theme, systemActor, learningLimit);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
