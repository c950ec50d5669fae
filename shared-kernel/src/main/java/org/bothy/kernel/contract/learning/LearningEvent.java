package org.bothy.kernel.contract.learning;

import org.bothy.kernel.contract.ContractEvent;

/**
 * What a partner organisation shares about a person's journey, under a pseudonym, on {@code bothy.learning.<org>};
 * published only for people whose consent to share is active.
 */
public sealed interface LearningEvent extends ContractEvent permits JourneyOpened, BarrierObserved, JourneyClosed,
        ContactRecorded, SoftMeasureScored, ExperimentConcluded, ConsentWithdrawn, PersonErased {

    /** The organisation code of the partner that saw it. */
    String organisation();

    /** The keyed hash standing in for the person; see {@link org.bothy.kernel.privacy.Pseudonymiser}. */
    String pseudonym();

    @Override
    default String subject() {
        return pseudonym();
    }
}
