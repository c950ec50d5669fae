package org.bothy.place.intake;

import org.bothy.kernel.contract.learning.LearningEvent;

/** A valid learning contract together with where it was read from. */
public record Delivery(String topic, int partition, long offset, LearningEvent event) {
}
