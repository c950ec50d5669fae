package org.bothy.kernel.contract.escalation;

import org.bothy.kernel.contract.ContractEvent;

/** What the consortium puts in front of a statutory body, on {@code bothy.evidence.<body>} and its webhook. */
public sealed interface StatutoryEvent extends ContractEvent permits EscalationRaised, EscalationAcknowledged, EscalationResponded,
        ChangeReported, EscalationOverdue, EscalationClosed, EvidenceAdded {
}
