package org.bothy.support.security;

import java.util.Locale;
import java.util.Optional;

/** A role in a Bothy token's {@code roles} claim, and the Spring Security authority it grants. */
public enum BothyRole {
    WORKER("worker"),
    LEAD("lead"),
    PLACE_LEAD("place-lead"),
    STATUTORY("statutory"),
    ADMIN("admin");

    private final String claimValue;

    BothyRole(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value in the {@code roles} claim. */
    public String claimValue() {
        return claimValue;
    }

    /** The authority, e.g. {@code ROLE_PLACE_LEAD}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a claim value stands for, if it is one of Bothy's. */
    public static Optional<BothyRole> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BothyRole role : values()) {
            if (role.claimValue.equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
