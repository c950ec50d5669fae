package org.bothy.place.referrals;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one row per referral made between partners and one per answer. The sealed details and the reasons are
 * written for the receiving partner and the referrer, not for the place: they are never stored.
 */
@Component
public class ReferralProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public ReferralProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<ReferralMade> made = firstSeen.stream().filter(ReferralMade.class::isInstance).map(ReferralMade.class::cast).toList();
        if (!made.isEmpty()) {
            jdbc.execute((java.sql.Connection connection) -> {
                try (var insert = connection.prepareStatement("""
                        insert into referral_made (event_id, referral_id, from_organisation, to_organisation, pseudonym,
                                                   themes, made_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)) {
                    for (ReferralMade referral : made) {
                        Array themes = connection.createArrayOf("text",
                                (referral.themes() == null ? List.<String>of() : referral.themes()).toArray());
                        insert.setString(1, referral.eventId());
                        insert.setString(2, referral.referralId());
                        insert.setString(3, referral.fromOrganisation());
                        insert.setString(4, referral.toOrganisation());
                        insert.setString(5, referral.pseudonym());
                        insert.setArray(6, themes);
                        insert.setObject(7, utc(referral.occurredAt()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        List<Object[]> answers = new ArrayList<>();
        for (ContractEvent event : firstSeen) {
            if (event instanceof ReferralAccepted accepted) {
                answers.add(new Object[] {accepted.eventId(), accepted.referralId(), accepted.fromOrganisation(),
                        accepted.toOrganisation(), "accepted", utc(accepted.occurredAt())});
            } else if (event instanceof ReferralDeclined declined) {
                answers.add(new Object[] {declined.eventId(), declined.referralId(), declined.fromOrganisation(),
                        declined.toOrganisation(), "declined", utc(declined.occurredAt())});
            }
        }
        if (!answers.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into referral_answer (event_id, referral_id, from_organisation, to_organisation, answer, answered_at)
                    values (?, ?, ?, ?, ?, ?)
                    """, answers);
        }
    }

    private static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
