package org.bothy.place.erasure;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.place.barriers.BarrierMonthTally;
import org.bothy.place.barriers.BarrierTally;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.intake.PartnerEvents;
import org.bothy.place.reach.ReachTally;
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
 * stays. Every view counts from these rows, or from tallies taken down with them in the same transaction
 * ({@link BarrierTally}, {@link BarrierMonthTally}, {@link ReachTally}), so the views reflect it as soon as it commits, and the
 * evidence signals of the patterns it touched are sent again. Runs after every other projection of its batch.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SharingEnded implements LearningProjection {

    /**
     * Every table holding rows about a person, each with {@code organisation} and {@code pseudonym} columns, besides
     * {@code barrier_observation} and those the tallies keep ({@code barrier_person}, {@code barrier_person_month},
     * {@code person_month}, {@code person_door}).
     */
    public static final List<String> PERSON_LEVEL_TABLES = List.of("journey", "journey_closed", "contact", "soft_measure",
            "experiment_learning");

    private final JdbcTemplate jdbc;
    private final SignalMarker signals;
    private final BarrierTally barriers;
    private final BarrierMonthTally barrierMonths;
    private final ReachTally reach;

    public SharingEnded(JdbcTemplate jdbc, SignalMarker signals, BarrierTally barriers, BarrierMonthTally barrierMonths,
                        ReachTally reach) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.barriers = barriers;
        this.barrierMonths = barrierMonths;
        this.reach = reach;
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
        // The tallies first: they take off only what the rows about to go had counted.
        List<BarrierTally.Pattern> patterns = barriers.forget(organisation, pseudonym);
        barrierMonths.forget(organisation, pseudonym, patterns);
        reach.forget(organisation, pseudonym);
        List<SignalMarker.Pattern> touched = new ArrayList<>(jdbc.query("""
                        delete from barrier_observation where organisation = ? and pseudonym = ?
                        returning theme, system_actor
                        """, (rs, row) -> new SignalMarker.Pattern(rs.getString(1), rs.getString(2)),
                organisation, pseudonym));
        forgetReferrals(organisation, pseudonym);
        for (String table : PERSON_LEVEL_TABLES) {
            jdbc.update("delete from " + table + " where organisation = ? and pseudonym = ?", organisation, pseudonym);
        }
        signals.mark(touched.stream().distinct().toList());
    }

    /**
     * Deletes the referrals {@code organisation} made for {@code pseudonym}, with the answers they had by then; part of
     * forgetting them, apart so that a bulk rebuild can apply it at the erasure's place in the topics.
     */
    public void forgetReferrals(String organisation, String pseudonym) {
        // Answers carry no pseudonym: they are found through the referrals they answer.
        jdbc.update("""
                delete from referral_answer where referral_id in (
                    select referral_id from referral_made where from_organisation = ? and pseudonym = ?)
                """, organisation, pseudonym);
        jdbc.update("delete from referral_made where from_organisation = ? and pseudonym = ?", organisation, pseudonym);
    }
}
