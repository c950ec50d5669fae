package org.bothy.partner;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;

/** The organisation this deployment serves, its code checked against the consortium's codes at start-up. */
public record PartnerOrganisation(String code) {

    /** The organisation configured as {@code bothy.organisation}; refused, naming the valid codes, if unknown. */
    public static PartnerOrganisation configured(String code, Codes codes) {
        if (code == null || code.isBlank()) {
            throw new IllegalStateException("bothy.organisation is required: the code of the organisation this "
                    + "deployment serves, one of " + String.join(", ",
                    codes.organisations().stream().map(organisation -> organisation.code()).toList()));
        }
        try {
            codes.organisation(code);
        } catch (UnknownCodeException e) {
            throw new IllegalStateException("bothy.organisation: " + e.getMessage(), e);
        }
        return new PartnerOrganisation(code);
    }
}
