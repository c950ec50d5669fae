package org.bothy.partner.person;


import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tables that say who is registered, which consents are in force and which journey is whose. Kept by a
 * subscribing processor, inside the command's own transaction, so that the publisher's consent gate and the
 * expiry sweep read exactly what was decided; erasure destroys the person's key in the same transaction.
 */
@Component
@ProcessingGroup(PersonRecords.PROCESSOR)
public class PersonRecords {

    /** The subscribing processor these handlers run in (see PersonConfiguration). */
    public static final String PROCESSOR = "person-records";

    /** The scope of consent to share pseudonymised learning with the consortium. */
    public static final String SHARE_LEARNING = "share-learning";

    private final JdbcTemplate jdbc;
    private final PersonKeys keys;

    public PersonRecords(JdbcTemplate jdbc, PersonKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(PersonRegistered event, @Timestamp Instant at) {
        jdbc.update("insert into person (person_id, pseudonym, registered_at) values (?, ?, ?)",
                event.personId(), event.pseudonym(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(ConsentGiven event, @Timestamp Instant at) {
        // a renewal while in force keeps the original start: events since then stay shareable
        jdbc.update("""
                insert into consent (person_id, scope, pseudonym, given_at, expires_at, ended_at)
                values (?, ?, ?, ?, ?, null)
                on conflict (person_id, scope) do update set
                    given_at = case when consent.ended_at is not null
                                      or (consent.expires_at is not null and consent.expires_at <= excluded.given_at)
                                    then excluded.given_at else consent.given_at end,
                    expires_at = excluded.expires_at,
                    ended_at = null,
                    pseudonym = excluded.pseudonym""",
                event.personId(), event.scope(), event.pseudonym(), java.sql.Timestamp.from(at),
                event.expiresAt() == null ? null : java.sql.Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(ConsentRevoked event, @Timestamp Instant at) {
        end(event.personId(), event.scope(), at);
    }

    @EventHandler
    void on(ConsentExpired event) {
        end(event.personId(), event.scope(), event.expiredAt());
    }

    @EventHandler
    void on(PersonErased event, @Timestamp Instant at) {
        keys.destroy(event.personId());
        jdbc.update("delete from consent where person_id = ?", event.personId());
        jdbc.update("update person set erased_at = ? where person_id = ?", java.sql.Timestamp.from(at), event.personId());
    }

    private void end(String personId, String scope, Instant at) {
        jdbc.update("update consent set ended_at = ? where person_id = ? and scope = ? and ended_at is null",
                java.sql.Timestamp.from(at), personId, scope);
    }

    /** The live (not erased) person with this pseudonym, if any. */
    public Optional<String> livePersonWithPseudonym(String pseudonym) {
        return jdbc.queryForList("select person_id from person where pseudonym = ? and erased_at is null",
                String.class, pseudonym).stream().findFirst();
    }

    /** The person's pseudonym and whether they are erased, or empty if nobody has this id. */
    public Optional<Registered> find(String personId) {
        List<Registered> found = jdbc.query("select person_id, pseudonym, erased_at from person where person_id = ?",
                (row, n) -> new Registered(row.getString(1), row.getString(2), row.getTimestamp(3) != null),
                personId);
        return found.stream().findFirst();
    }

    /** Whether the share-learning consent of whoever has {@code pseudonym} is in force at {@code now} and began
     *  no later than {@code occurredAt}: only what happened under a consent is shared. */
    public boolean sharesLearning(String pseudonym, Instant occurredAt, Instant now) {
        return sharesLearning(shareConsentsInForce(List.of(pseudonym), now).get(pseudonym), occurredAt);
    }

    /** Whether an event that happened at {@code occurredAt} falls under a share-learning consent in force since
     *  {@code since} (null: none in force). */
    public static boolean sharesLearning(Instant since, Instant occurredAt) {
        return since != null && !since.isAfter(occurredAt);
    }

    /**
     * For each of {@code pseudonyms} whose person is not erased and whose share-learning consent is in force at
     * {@code now} (not ended, not expired), when the earliest such consent was given; one statement for them all,
     * so that the publisher asks once per batch rather than once per event.
     */
    public Map<String, Instant> shareConsentsInForce(Collection<String> pseudonyms, Instant now) {
        if (pseudonyms.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> since = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select c.pseudonym, min(c.given_at) from consent c join person p on p.person_id = c.person_id
                    where c.pseudonym = any(?) and c.scope = ? and p.erased_at is null and c.ended_at is null
                      and (c.expires_at is null or c.expires_at > ?)
                    group by c.pseudonym""");
            statement.setArray(1, connection.createArrayOf("text", pseudonyms.toArray()));
            statement.setString(2, SHARE_LEARNING);
            statement.setTimestamp(3, java.sql.Timestamp.from(now));
            return statement;
        }, (ResultSet row) -> {
            since.put(row.getString(1), row.getTimestamp(2).toInstant());
        });
        return since;
    }

    /** Consents in force whose expiry has passed at {@code now}, as (person id, scope). */
    public List<ScopedConsent> expiredButInForce(Instant now) {
        return jdbc.query("""
                select person_id, scope from consent
                where ended_at is null and expires_at is not null and expires_at <= ? limit 500""",
                (row, n) -> new ScopedConsent(row.getString(1), row.getString(2)), java.sql.Timestamp.from(now));
    }

    /** Links a journey to the person it is for. */
    public void linkJourney(String journeyId, String personId) {
        jdbc.update("insert into journey_person (journey_id, person_id) values (?, ?)", journeyId, personId);
    }

    /** The person a journey is for, if it was opened for one. */
    public Optional<String> personOfJourney(String journeyId) {
        return jdbc.queryForList("select person_id from journey_person where journey_id = ?", String.class,
                journeyId).stream().findFirst();
    }

    /** The journeys opened for a person, oldest first. */
    public List<String> journeysOf(String personId) {
        return jdbc.queryForList("select journey_id from journey_person where person_id = ? order by journey_id",
                String.class, personId);
    }

    /** A registered person as the tables know them. */
    public record Registered(String personId, String pseudonym, boolean erased) {
    }

    /** One person's consent for one scope. */
    public record ScopedConsent(String personId, String scope) {
    }
}
