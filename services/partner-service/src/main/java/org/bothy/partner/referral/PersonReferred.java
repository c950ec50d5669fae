package org.bothy.partner.referral;

import java.util.List;
import org.bothy.kernel.contract.referral.SealedEnvelope;

/**
 * Private event: this organisation referred the person on a journey to another partner. The reason is sealed under
 * the person's key and the details under the receiving partner's; nothing here is readable once the person is erased.
 */
public record PersonReferred(String referralId, String journeyId, String personId, String pseudonym,
                             String fromOrganisation, String toOrganisation, String sealedReason, List<String> themes,
                             SealedEnvelope sealedDetails) {

    public PersonReferred {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
