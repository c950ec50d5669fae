package org.bothy.place.signals;

import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.bothy.kernel.contract.evidence.IssueWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the evidence behind one published issue: the people across the place who met a barrier of the issue's
 * themes caused by its system actors, in all and within each window, after disclosure control (small counts and
 * secondary suppression along the windows and total).
 */
@Repository
public class IssueEvidenceCounts {

    private final JdbcTemplate jdbc;
    private final CountDisclosure disclosure;

    public IssueEvidenceCounts(JdbcTemplate jdbc, SignalProperties properties) {
        this.jdbc = jdbc;
        this.disclosure = new CountDisclosure(properties.disclosureThreshold());
    }

    /** The signal for the issue as it stands at {@code now}, or empty if the place holds no such issue. */
    public Optional<IssueSignal> signal(String organisation, String issueId, List<Integer> windowDays, Instant now) {
        StringBuilder select = new StringBuilder("""
                select i.revision, i.level, i.status, i.owner, i.themes, i.system_actors,
                       count(distinct b.pseudonym) as people, count(distinct b.organisation) as organisations,
                       min(b.observed_at) as first_seen, max(b.observed_at) as last_seen""");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < windowDays.size(); i++) {
            select.append(",\n count(distinct b.pseudonym) filter (where b.observed_at >= ?) as people_").append(i)
                  .append(",\n count(distinct b.organisation) filter (where b.observed_at >= ?) as organisations_").append(i);
            OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(windowDays.get(i), ChronoUnit.DAYS), ZoneOffset.UTC);
            parameters.add(since);
            parameters.add(since);
        }
        select.append("""

                from issue i
                left join barrier_observation b on b.theme = any(i.themes) and b.system_actor = any(i.system_actors)
                where i.organisation = ? and i.issue_id = ?
                group by i.revision, i.level, i.status, i.owner, i.themes, i.system_actors""");
        parameters.add(organisation);
        parameters.add(issueId);
        return jdbc.query(select.toString(), rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            int[] windowPeople = new int[windowDays.size()];
            for (int i = 0; i < windowDays.size(); i++) {
                windowPeople[i] = rs.getInt("people_" + i);
            }
            DisclosedCounts.People shown = DisclosedCounts.people(disclosure, rs.getInt("people"), windowDays, windowPeople);
            List<IssueWindow> windows = new ArrayList<>(windowDays.size());
            for (int i = 0; i < windowDays.size(); i++) {
                windows.add(new IssueWindow(windowDays.get(i), shown.windows().get(i),
                        DisclosedCount.of(rs.getInt("organisations_" + i))));
            }
            return Optional.of(new IssueSignal(UUID.randomUUID().toString(), now, IssueSignal.issueKey(organisation, issueId),
                    organisation, issueId, rs.getInt("revision"), rs.getInt("level"), rs.getString("status"),
                    rs.getString("owner"), codes(rs.getArray("themes")), codes(rs.getArray("system_actors")), disclosure.threshold(), shown.total(),
                    DisclosedCount.of(rs.getInt("organisations")), windows, instant(rs, "first_seen"), instant(rs, "last_seen")));
        }, parameters.toArray());
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
