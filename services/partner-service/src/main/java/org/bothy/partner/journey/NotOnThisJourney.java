package org.bothy.partner.journey;

/** Refusal: a command names a part of the journey (an actor, an experiment...) that the journey does not have. */
public class NotOnThisJourney extends RuntimeException {

    public NotOnThisJourney(String what, String id) {
        super("no " + what + " " + id + " on this journey");
    }
}
