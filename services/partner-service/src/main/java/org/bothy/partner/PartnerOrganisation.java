package org.bothy.partner;

/** The organisation this deployment serves, its code checked against the consortium's codes at start-up. */
public record PartnerOrganisation(String code) {
}
