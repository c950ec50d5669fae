package org.bothy.kernel.contract;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;

/**
 * The registry of every contract version the consortium speaks. Readers accept every version listed;
 * writers use the newest version of a record. A v2 is added as another entry whose reader upcasts to the
 * current record, so both versions stay readable.
 */
public final class Contracts {

    private static final List<ContractType> ALL = List.of(
            new ContractType("learning", "JourneyOpened", 1, JourneyOpened.class, ContractReader.as(JourneyOpened.class)),
            new ContractType("learning", "BarrierObserved", 1, BarrierObserved.class, ContractReader.as(BarrierObserved.class)),
            new ContractType("evidence", "EvidenceSignal", 1, EvidenceSignal.class, ContractReader.as(EvidenceSignal.class)),
            new ContractType("escalation", "EscalationRaised", 1, EscalationRaised.class, ContractReader.as(EscalationRaised.class)));

    private static final Map<String, ContractType> BY_CE_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ContractType::ceType, Function.identity()));

    private static final Map<Class<? extends ContractEvent>, ContractType> CURRENT = ALL.stream()
            .collect(Collectors.groupingBy(ContractType::recordType,
                    Collectors.collectingAndThen(Collectors.maxBy(Comparator.comparingInt(ContractType::version)),
                            Optional::orElseThrow)));

    private Contracts() {
    }

    /** Every registered contract version. */
    public static List<ContractType> all() {
        return ALL;
    }

    /** The contract version with this ce_type, if the consortium knows it. */
    public static Optional<ContractType> forCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    /** The version a record is written as (the newest registered for its class). */
    public static ContractType current(Class<? extends ContractEvent> recordType) {
        ContractType type = CURRENT.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException("not a registered contract: " + recordType.getName());
        }
        return type;
    }
}
