package org.bothy.place.intake;

import org.bothy.kernel.contract.learning.LearningEvent;

import java.util.List;

/**
 * A view built from the learning topics. The intake calls every projection with the events of one poll that are
 * seen for the first time, inside the transaction that also stores the offsets; a projection never sees a repeat.
 */
public interface LearningProjection {

    /** Applies {@code firstSeen} (in topic order per partition); throwing rolls back the whole batch. */
    void apply(List<LearningEvent> firstSeen);
}
