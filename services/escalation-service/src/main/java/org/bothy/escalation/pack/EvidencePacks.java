package org.bothy.escalation.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bothy.escalation.Disclosure;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts an escalation's evidence pack together from the escalation view, the pattern's latest evidence signal and the
 * record so far. Every count of people passes through disclosure control here (at
 * {@code bothy.escalation.disclosure-threshold}), before any page or document sees it.
 */
@Service
public class EvidencePacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Codes codes;
    private final PackHistory history;
    private final SharedLearning learning;
    private final Clock clock;
    private final DisclosureControl disclosure;

    public EvidencePacks(JdbcClient jdbc, Codes codes, PackHistory history, SharedLearning learning,
                         DisclosureControl disclosure, Clock clock) {
        this.disclosure = disclosure;
        this.jdbc = jdbc;
        this.codes = codes;
        this.history = history;
        this.learning = learning;
        this.clock = clock;
    }

    /** The pack of {@code escalationId}, or empty if there is no such escalation. */
    @Transactional(readOnly = true)
    public Optional<EvidencePack> find(UUID escalationId) {
        return jdbc.sql("select v.escalation_id, v.pattern_key, v.body, v.theme, v.system_actor, v.people, v.people_shown,"
                        + " v.organisations,"
                        + " v.question, v.due_by, v.status, v.raised_at, s.windows, s.learning from escalation_view v"
                        + " left join pattern_signal s on s.pattern_key = v.pattern_key where v.escalation_id = ?")
                .param(escalationId)
                .query((row, n) -> pack(row))
                .optional();
    }

    /** The body an escalation was sent to, for the access check before anything else is read. */
    @Transactional(readOnly = true)
    public Optional<String> bodyOf(UUID escalationId) {
        return jdbc.sql("select body from escalation_view where escalation_id = ?")
                .param(escalationId)
                .query(String.class)
                .optional();
    }

    private EvidencePack pack(ResultSet row) throws SQLException {
        UUID escalationId = row.getObject("escalation_id", UUID.class);
        String theme = row.getString("theme");
        String systemActor = row.getString("system_actor");
        String body = row.getString("body");
        return new EvidencePack(
                escalationId,
                row.getString("status"),
                new EvidencePack.Pattern(row.getString("pattern_key"), theme, codes.theme(theme).label(), systemActor,
                        codes.systemActor(systemActor).label()),
                new EvidencePack.Party(body, codes.statutoryBody(body).label()),
                row.getString("question"),
                row.getTimestamp("raised_at").toInstant(),
                row.getDate("due_by").toLocalDate(),
                disclosure.show(row.getInt("people"), row.getString("people_shown")),
                row.getInt("organisations"),
                trend(row.getString("windows")),
                learning.issues(theme, systemActor),
                withSignalLearning(learning.learning(theme), row.getString("learning")),
                history.of(escalationId, body),
                Disclosure.note(disclosure),
                clock.instant());
    }

    private List<EvidencePack.TrendPoint> trend(String windows) {
        if (windows == null) {
            return List.of();
        }
        try {
            List<EvidencePack.TrendPoint> trend = new ArrayList<>();
            for (JsonNode window : JSON.readTree(windows)) {
                trend.add(trendPoint(window));
            }
            trend.sort(Comparator.comparingInt(EvidencePack.TrendPoint::days));
            return trend;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable windows on a stored evidence signal", e);
        }
    }

    /**
     * One window as stored: v1 signals held plain numbers; v2 signals hold counts after the place's disclosure
     * control, where a hidden count has no value and is printed as the place showed it, or more suppressed ("<5" is
     * "<10" under a threshold of 10).
     */
    private EvidencePack.TrendPoint trendPoint(JsonNode window) {
        JsonNode people = window.path("people");
        Integer count = people.isNumber() ? Integer.valueOf(people.asInt())
                : people.has("value") ? Integer.valueOf(people.path("value").asInt()) : null;
        JsonNode organisations = window.path("organisations");
        int organisationCount = organisations.isNumber() ? organisations.asInt() : organisations.path("value").asInt();
        if (count == null) {
            // hidden by the place: its count is never read, only how it was shown
            return new EvidencePack.TrendPoint(window.path("days").asInt(),
                    disclosure.show(1, people.path("shown").asText()), null, organisationCount);
        }
        return new EvidencePack.TrendPoint(window.path("days").asInt(), disclosure.show(count),
                disclosure.isSmall(count) ? null : count, organisationCount);
    }

    /**
     * The learning summaries quoted about the theme, then those the pattern's latest signal brought (from journeys
     * that met this very barrier) that are not already there, newest first.
     */
    private List<EvidencePack.LearningSummary> withSignalLearning(List<EvidencePack.LearningSummary> quoted, String signal) {
        if (signal == null) {
            return quoted;
        }
        List<EvidencePack.LearningSummary> all = new ArrayList<>(quoted);
        try {
            for (JsonNode one : JSON.readTree(signal)) {
                String organisation = one.path("organisation").asText();
                String summary = one.path("summary").asText();
                if (all.stream().noneMatch(known -> known.organisation().equals(organisation) && known.summary().equals(summary))) {
                    all.add(new EvidencePack.LearningSummary(organisation, summary,
                            LocalDate.parse(one.path("concludedOn").asText()).atStartOfDay(ZoneOffset.UTC).toInstant()));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable learning on a stored evidence signal", e);
        }
        all.sort(Comparator.comparing(EvidencePack.LearningSummary::concludedAt).reversed());
        return all;
    }
}
