package org.bothy.kernel.contract.referral;

import org.bothy.kernel.contract.ContractEvent;

/**
 * A warm referral between two partners ("no wrong door"), on {@code bothy.referrals}. Each record is keyed by the
 * organisation it is addressed to: the receiving partner for {@link ReferralMade}, the referring partner for its
 * answers, so that each partner service reads only what is meant for it.
 */
public sealed interface ReferralEvent extends ContractEvent permits ReferralMade, ReferralAccepted, ReferralDeclined {

    /** The referral's id, the same on both sides. */
    String referralId();

    /** The organisation code of the partner that referred the person. */
    String fromOrganisation();

    /** The organisation code of the partner the person was referred to. */
    String toOrganisation();

    /** The organisation this record is addressed to. */
    String addressedTo();

    @Override
    default String subject() {
        return addressedTo();
    }
}
