package org.bothy.place.signals;

import org.bothy.kernel.contract.evidence.EvidenceSignal;
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
 * organisations in all, and within each configured window of days before now.
 */
@Repository
public class EvidenceCounts {

    private final JdbcTemplate jdbc;

    public EvidenceCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.query(select.toString(), rs -> {
            rs.next();
            int people = rs.getInt("people");
            if (people == 0) {
                return Optional.empty();
            }
            List<WindowCount> windows = new ArrayList<>(windowDays.size());
            for (int i = 0; i < windowDays.size(); i++) {
                windows.add(new WindowCount(windowDays.get(i), rs.getInt("people_" + i), rs.getInt("organisations_" + i)));
            }
            return Optional.of(new EvidenceSignal(UUID.randomUUID().toString(), now,
                    EvidenceSignal.patternKey(theme, systemActor), theme, systemActor,
                    people, rs.getInt("organisations"), windows, instant(rs, "first_seen"), instant(rs, "last_seen")));
        }, parameters.toArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
