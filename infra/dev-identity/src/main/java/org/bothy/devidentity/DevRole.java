package org.bothy.devidentity;

/** A role a development token can carry, with the value it takes in the {@code roles} claim. */
public enum DevRole {
    WORKER("worker"),
    LEAD("lead"),
    PLACE_LEAD("place-lead"),
    STATUTORY("statutory"),
    ADMIN("admin");

    private final String claimValue;

    DevRole(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value written into the token's {@code roles} claim. */
    public String claimValue() {
        return claimValue;
    }

    /** Whether a token for this role names the organisation it works for ({@code org} claim). */
    public boolean needsOrganisation() {
        return this == WORKER || this == LEAD;
    }

    /** Whether a token for this role names the statutory body it speaks for ({@code body} claim). */
    public boolean needsBody() {
        return this == STATUTORY;
    }

    /** The role whose claim value (or enum name) is given; refuses an unknown one, naming the valid ones. */
    public static DevRole fromClaimValue(String value) {
        for (DevRole role : values()) {
            if (role.claimValue.equalsIgnoreCase(value) || role.name().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value
                + "'; valid roles: worker, lead, place-lead, statutory, admin");
    }
}
