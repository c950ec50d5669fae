package org.bothy.partner.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The referral tables: what this organisation referred (its outbox) and what was referred to it (its inbox). They are
 * views of the Referral and ReceivedReferral aggregates, written only by {@link ReferralRecords} and the erasure.
 */
@Component
public class ReferralLedger {

    /** A referral waiting for the receiver's answer. */
    public static final String WAITING = "WAITING";
    /** The receiver accepted and opened a journey. */
    public static final String ACCEPTED = "ACCEPTED";
    /** The receiver declined, with a reason. */
    public static final String DECLINED = "DECLINED";

    private final JdbcTemplate jdbc;

    public ReferralLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes a referral this organisation made. */
    public void sent(ReferralMade made, String journeyId, String personId) {
        jdbc.update("""
                insert into referral_sent (referral_id, journey_id, person_id, to_organisation, pseudonym, reason, themes,
                                           status, made_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                made.referralId(), journeyId, personId, made.toOrganisation(), made.pseudonym(), made.reason(),
                String.join(",", made.themes()), WAITING, Timestamp.from(made.occurredAt()));
    }

    /** Notes the receiver's answer to a referral this organisation made; an unknown referral changes nothing. */
    public boolean answered(String referralId, String status, String reason, Instant at) {
        return jdbc.update("""
                update referral_sent set status = ?, answer_reason = ?, answered_at = ?
                where referral_id = ? and status = ?""",
                status, reason, Timestamp.from(at), referralId, WAITING) == 1;
    }

    /** Notes a referral made to this organisation, its details still sealed; a repeat changes nothing. */
    public void received(ReferralReceived received, String reason) {
        jdbc.update("""
                insert into referral_received (referral_id, from_organisation, pseudonym, reason, themes, sealed_details,
                                               status, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (referral_id) do nothing""",
                received.referralId(), received.fromOrganisation(), received.pseudonym(), reason,
                String.join(",", received.themes()), received.sealedDetails(), WAITING,
                Timestamp.from(received.madeAt()));
    }

    /** Whether the referral was still waiting and is now accepted, with the journey opened for it; its sealed
     *  details are dropped (the person is now registered here). */
    public boolean accept(String referralId, String journeyId, Instant at) {
        return jdbc.update("""
                update referral_received set status = ?, journey_id = ?, answered_at = ?, sealed_details = null
                where referral_id = ? and status = ?""",
                ACCEPTED, journeyId, Timestamp.from(at), referralId, WAITING) == 1;
    }

    /** Whether the referral was still waiting and is now declined; its sealed details are dropped. */
    public boolean decline(String referralId, String reason, Instant at) {
        return jdbc.update("""
                update referral_received set status = ?, answer_reason = ?, answered_at = ?, sealed_details = null
                where referral_id = ? and status = ?""",
                DECLINED, reason, Timestamp.from(at), referralId, WAITING) == 1;
    }

    /** The person a referral this organisation made is about, if it made one with this id. */
    public Optional<String> personOfSent(String referralId) {
        return jdbc.queryForList("select person_id from referral_sent where referral_id = ?", String.class, referralId)
                .stream().findFirst();
    }

    /** A referral made to this organisation, if there is one with this id. */
    public Optional<Received> findReceived(String referralId) {
        return jdbc.query("select " + RECEIVED + " from referral_received where referral_id = ?", this::receivedRow,
                referralId).stream().findFirst();
    }

    /** Referrals made to this organisation, newest first. */
    public List<Received> inbox(String status, int limit, int offset) {
        return jdbc.query("select " + RECEIVED + " from referral_received where (cast(? as varchar) is null or status = ?)"
                + " order by received_at desc, referral_id limit ? offset ?", this::receivedRow, status, status, limit,
                offset);
    }

    /** Referrals this organisation made, newest first. */
    public List<Sent> outbox(String status, int limit, int offset) {
        return jdbc.query("""
                select %s
                from referral_sent where (cast(? as varchar) is null or status = ?)
                order by made_at desc, referral_id limit ? offset ?""".formatted(SENT),
                this::sentRow,
                status, status, limit, offset);
    }

    /** The referrals this organisation made about a person, oldest first. */
    public List<Sent> sentAbout(String personId) {
        return jdbc.query("""
                select %s
                from referral_sent where person_id = ? order by made_at, referral_id""".formatted(SENT),
                this::sentRow,
                personId);
    }

    /** The referrals made to this organisation that were accepted onto one of {@code journeyIds}, oldest first. */
    public List<Received> acceptedOnto(List<String> journeyIds) {
        if (journeyIds.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(journeyIds.size(), "?"));
        return jdbc.query("select " + RECEIVED + " from referral_received where journey_id in (" + placeholders + ")"
                + " order by received_at, referral_id", this::receivedRow, journeyIds.toArray());
    }

    /** The referrals this organisation made for a person. */
    public List<String> sentFor(String personId) {
        return jdbc.queryForList("select referral_id from referral_sent where person_id = ?", String.class, personId);
    }

    /** Keeps of the referrals received onto an erased person's journeys only that they were made and answered. */
    public void eraseReceivedOnto(List<String> journeyIds) {
        if (journeyIds.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(journeyIds.size(), "?"));
        jdbc.update("update referral_received set reason = null, sealed_details = null where journey_id in ("
                + placeholders + ")", journeyIds.toArray());
    }

    /** Keeps of an erased person's referrals only that they were made and answered: the reasons go. */
    public void eraseSentFor(String personId) {
        jdbc.update("update referral_sent set reason = null, answer_reason = null, erased = true where person_id = ?",
                personId);
    }

    private static final String SENT = """
            referral_id, journey_id, to_organisation, reason, themes, status, answer_reason, made_at, answered_at,
            erased""";

    private Sent sentRow(ResultSet row, int n) throws SQLException {
        return new Sent(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                themes(row.getString(5)), row.getString(6), row.getString(7), instant(row, 8), instant(row, 9),
                row.getBoolean(10));
    }

    private static final String RECEIVED = """
            referral_id, from_organisation, pseudonym, reason, themes, sealed_details, status, answer_reason,
            journey_id, received_at, answered_at""";

    private Received receivedRow(ResultSet row, int n) throws SQLException {
        return new Received(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                themes(row.getString(5)), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                instant(row, 10), instant(row, 11));
    }

    private static List<String> themes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** A referral as the referrer keeps it. */
    public record Sent(String referralId, String journeyId, String toOrganisation, String reason, List<String> themes,
                       String status, String answerReason, Instant madeAt, Instant answeredAt, boolean erased) {
    }

    /** A referral as the receiver keeps it; {@code sealedDetails} is the envelope sealed under the referral's own key
     *  (see {@link ReceivedDetailsKeys}), until answered. */
    public record Received(String referralId, String fromOrganisation, String pseudonym, String reason,
                           List<String> themes, String sealedDetails, String status, String answerReason,
                           String journeyId, Instant receivedAt, Instant answeredAt) {

        @Override
        public String toString() {
            return "Received[" + referralId + ", " + status + "]";
        }
    }
}
