package org.bothy.kernel.contract.evidence;

import org.bothy.kernel.contract.ContractEvent;

/** What the place service publishes about patterns across partners, on {@code bothy.place.evidence}. */
public sealed interface EvidenceEvent extends ContractEvent permits EvidenceSignal, IssueSignal {
}
