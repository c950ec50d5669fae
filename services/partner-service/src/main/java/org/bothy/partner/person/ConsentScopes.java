package org.bothy.partner.person;

import java.util.Optional;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.partner.PartnerOrganisation;
import org.springframework.stereotype.Component;

/**
 * The scopes a person can consent to: {@code share-learning} (pseudonymised learning shared with the consortium)
 * and {@code referral:<organisation>} (being referred to that other partner).
 */
@Component
public class ConsentScopes {

    private static final String REFERRAL = "referral:";

    private final Codes codes;
    private final String organisation;

    public ConsentScopes(Codes codes, PartnerOrganisation organisation) {
        this.codes = codes;
        this.organisation = organisation.code();
    }

    /** Why {@code scope} is not one a person can consent to here, or empty if it is. */
    public Optional<String> refusal(String scope) {
        if (scope == null || scope.isBlank()) {
            return Optional.of("must be share-learning or referral:<organisation>");
        }
        if (PersonRecords.SHARE_LEARNING.equals(scope)) {
            return Optional.empty();
        }
        if (scope.startsWith(REFERRAL)) {
            String partner = scope.substring(REFERRAL.length());
            if (partner.equals(organisation)) {
                return Optional.of("a referral goes to another organisation than " + organisation);
            }
            try {
                codes.organisation(partner);
                return Optional.empty();
            } catch (UnknownCodeException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.of("must be share-learning or referral:<organisation>");
    }
}
