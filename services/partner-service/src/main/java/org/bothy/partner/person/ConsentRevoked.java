package org.bothy.partner.person;

/** Private event: the person withdrew a consent. */
public record ConsentRevoked(String personId, String pseudonym, String scope) {
}
