package org.bothy.place.intake;

import org.bothy.kernel.contract.ContractEvent;

import java.util.List;

/**
 * A view built from the learning topics. The intake calls every projection with the events of one poll that are
 * seen for the first time (learning events and organisations' learning, see {@link PartnerEvents}), inside the
 * transaction that also stores the offsets; a projection never sees a repeat. A batch is cut after every event that
 * ends sharing (erasure, withdrawal), so such an event is always the last one a projection sees in its call.
 */
public interface LearningProjection {

    /** Applies {@code firstSeen} (in topic order per partition); throwing rolls back the whole batch. */
    void apply(List<ContractEvent> firstSeen);
}
