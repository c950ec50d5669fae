package org.bothy.partner.person;

/** Refusal: a consent that is not in force cannot be withdrawn. */
public class NoActiveConsent extends RuntimeException {

    public NoActiveConsent(String scope) {
        super("no consent in force for scope " + scope);
    }
}
