package org.bothy.kernel.contract;

import java.util.List;
import java.util.Optional;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;

/**
 * Every contract version the consortium speaks. To publish a v2: make the record the v2 shape, add its schema and
 * example, register it here, and give the v1 entry a reader that upcasts v1 payloads to the new record, so that
 * records already on the topics stay readable.
 */
public final class Contracts {

    private static final ContractRegistry STANDARD = ContractRegistry.of(List.of(
            new ContractType("learning", "JourneyOpened", 1, JourneyOpened.class, ContractReader.as(JourneyOpened.class)),
            new ContractType("learning", "BarrierObserved", 1, BarrierObserved.class, ContractReader.as(BarrierObserved.class)),
            new ContractType("evidence", "EvidenceSignal", 1, EvidenceSignal.class, ContractReader.as(EvidenceSignal.class)),
            new ContractType("escalation", "EscalationRaised", 1, EscalationRaised.class, ContractReader.as(EscalationRaised.class))));

    private Contracts() {
    }

    /** The consortium's registry. */
    public static ContractRegistry registry() {
        return STANDARD;
    }

    /** Every registered contract version. */
    public static List<ContractType> all() {
        return STANDARD.all();
    }

    /** The contract version with this ce_type, if the consortium knows it. */
    public static Optional<ContractType> forCeType(String ceType) {
        return STANDARD.forCeType(ceType);
    }

    /** The version a record is written as (the newest registered for its class). */
    public static ContractType current(Class<? extends ContractEvent> recordType) {
        return STANDARD.current(recordType);
    }
}
