package org.bothy.place.intake;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.kernel.contract.learning.OrganisationLearning;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.kernel.contract.referral.ReferralEvent;

/**
 * What the place reads from partners: on a learning topic, events about a person ({@link LearningEvent}) and about
 * the organisation itself ({@link OrganisationLearning}); on the referrals topic, referrals between partners
 * ({@link ReferralEvent}).
 */
public final class PartnerEvents {

    private PartnerEvents() {
    }

    /** Whether the place projects {@code event}: a learning event or an organisation's learning. */
    public static boolean isPartnerEvent(ContractEvent event) {
        return event instanceof LearningEvent || event instanceof OrganisationLearning;
    }

    /** Whether the place projects {@code event} read from the referrals topic. */
    public static boolean isReferral(ContractEvent event) {
        return event instanceof ReferralEvent;
    }

    /** The organisation that published {@code event}. */
    public static String organisation(ContractEvent event) {
        if (event instanceof LearningEvent learning) {
            return learning.organisation();
        }
        if (event instanceof OrganisationLearning learning) {
            return learning.organisation();
        }
        if (event instanceof ReferralEvent referral) {
            // The partner that wrote it: the referrer makes a referral, the receiver answers it.
            return referral.addressedTo().equals(referral.toOrganisation()) ? referral.fromOrganisation()
                    : referral.toOrganisation();
        }
        throw new IllegalArgumentException("not a partner event: " + event.getClass().getSimpleName());
    }

    /**
     * Whether {@code event} ends what one organisation shares about a person (an erasure, or consent withdrawn), so
     * that every row it contributed for that pseudonym must go.
     */
    public static boolean endsSharing(ContractEvent event) {
        return event instanceof PersonErased || event instanceof ConsentWithdrawn;
    }
}
