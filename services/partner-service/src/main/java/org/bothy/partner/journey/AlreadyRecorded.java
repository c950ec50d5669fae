package org.bothy.partner.journey;

/** Refusal: an id is recorded once, so a retried request cannot record the same fact twice. */
public class AlreadyRecorded extends RuntimeException {

    public AlreadyRecorded(String what, String id) {
        super(what + " " + id + " is already recorded");
    }
}
