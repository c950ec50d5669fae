package org.bothy.kernel.contract.learning;

import org.bothy.kernel.contract.ContractEvent;

/**
 * What a partner organisation shares about itself rather than about a person (its issue log, learning cycles, local
 * spend), on the same {@code bothy.learning.<org>} topic; the subject is the record's own id, so each issue, cycle or
 * project stays in order.
 */
public sealed interface OrganisationLearning extends ContractEvent permits IssuePublished, LearningCyclePublished,
        Lm3Reported {

    /** The organisation code of the partner that publishes it. */
    String organisation();
}
