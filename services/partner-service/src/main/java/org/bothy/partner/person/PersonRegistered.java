package org.bothy.partner.person;

/** Private event: someone was registered; their details travel only sealed under their own key. */
public record PersonRegistered(String personId, String pseudonym, String sealedDetails) {
}
