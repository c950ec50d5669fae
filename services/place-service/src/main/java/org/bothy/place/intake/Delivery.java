package org.bothy.place.intake;

import org.bothy.kernel.contract.ContractEvent;

/** A valid partner event (see {@link PartnerEvents}) together with where it was read from. */
public record Delivery(String topic, int partition, long offset, ContractEvent event) {
}
