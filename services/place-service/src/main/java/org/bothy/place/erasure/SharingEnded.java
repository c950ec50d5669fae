package org.bothy.place.erasure;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.intake.PartnerEvents;
import org.bothy.place.signals.SignalMarker;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * On {@code PersonErased} or {@code ConsentWithdrawn} from organisation O for pseudonym P, deletes every person-level
 * row O contributed for P, in the same transaction; what other organisations shared about P under their own consent
 * stays. Every view counts from these rows at query time, so the views reflect it as soon as it commits, and the
 * evidence signals of the patterns it touched are sent again. Runs after every other projection of its batch.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SharingEnded implements LearningProjection {

    /** Every table holding rows about a person, each with {@code organisation} and {@code pseudonym} columns. */
    static final List<String> PERSON_LEVEL_TABLES = List.of("journey", "journey_closed", "contact", "soft_measure",
            "experiment_learning", "person_month");

    private final JdbcTemplate jdbc;
    private final SignalMarker signals;

    public SharingEnded(JdbcTemplate jdbc, SignalMarker signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        for (ContractEvent event : firstSeen) {
            if (PartnerEvents.endsSharing(event)) {
                LearningEvent ended = (LearningEvent) event;
                forget(ended.organisation(), ended.pseudonym());
            }
        }
    }

    private void forget(String organisation, String pseudonym) {
        List<SignalMarker.Pattern> touched = new ArrayList<>(jdbc.query("""
                        delete from barrier_observation where organisation = ? and pseudonym = ?
                        returning theme, system_actor
                        """, (rs, row) -> new SignalMarker.Pattern(rs.getString(1), rs.getString(2)),
                organisation, pseudonym));
        // Referrals this organisation made for the person, and the answers to them; answers carry no pseudonym.
        jdbc.update("""
                delete from referral_answer where referral_id in (
                    select referral_id from referral_made where from_organisation = ? and pseudonym = ?)
                """, organisation, pseudonym);
        jdbc.update("delete from referral_made where from_organisation = ? and pseudonym = ?", organisation, pseudonym);
        for (String table : PERSON_LEVEL_TABLES) {
            jdbc.update("delete from " + table + " where organisation = ? and pseudonym = ?", organisation, pseudonym);
        }
        signals.mark(touched.stream().distinct().toList());
    }
}
