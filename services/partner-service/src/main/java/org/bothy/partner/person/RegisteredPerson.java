package org.bothy.partner.person;

/** The answer to registering someone: their id here and their pseudonym in the consortium. */
public record RegisteredPerson(String personId, String pseudonym) {
}
