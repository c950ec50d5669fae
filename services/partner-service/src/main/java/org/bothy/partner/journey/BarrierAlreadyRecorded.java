package org.bothy.partner.journey;

/** Refusal: a barrier id is recorded once, so a retried request cannot count the same barrier twice. */
public class BarrierAlreadyRecorded extends RuntimeException {

    public BarrierAlreadyRecorded(String barrierId) {
        super("barrier " + barrierId + " is already recorded");
    }
}
