package org.bothy.partner.person;

/** Private event: a person was erased; only their id and pseudonym remain, and nothing can be read back. */
public record PersonErased(String personId, String pseudonym) {
}
