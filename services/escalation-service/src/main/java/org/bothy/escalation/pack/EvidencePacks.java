package org.bothy.escalation.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bothy.escalation.Disclosure;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.contract.evidence.WindowCount;
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
        return jdbc.sql("select v.escalation_id, v.pattern_key, v.body, v.theme, v.system_actor, v.people, v.organisations,"
                        + " v.question, v.due_by, v.status, v.raised_at, s.windows from escalation_view v"
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
                disclosure.show(row.getInt("people")),
                row.getInt("organisations"),
                trend(row.getString("windows")),
                learning.issues(theme, systemActor),
                learning.learning(theme),
                history.of(escalationId, body),
                Disclosure.note(disclosure),
                clock.instant());
    }

    private List<EvidencePack.TrendPoint> trend(String windows) {
        if (windows == null) {
            return List.of();
        }
        try {
            return Arrays.stream(JSON.readValue(windows, WindowCount[].class))
                    .sorted(Comparator.comparingInt(WindowCount::days))
                    .map(window -> new EvidencePack.TrendPoint(window.days(), disclosure.show(window.people()),
                            disclosure.isSmall(window.people()) ? null : window.people(), window.organisations()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable windows on a stored evidence signal", e);
        }
    }
}
