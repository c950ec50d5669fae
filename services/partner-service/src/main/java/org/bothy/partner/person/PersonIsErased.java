package org.bothy.partner.person;

/** Refusal: nothing more is recorded for an erased person. */
public class PersonIsErased extends RuntimeException {

    public PersonIsErased(String personId) {
        super("person " + personId + " is erased");
    }
}
