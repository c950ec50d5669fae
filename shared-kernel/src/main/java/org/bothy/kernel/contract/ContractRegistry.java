package org.bothy.kernel.contract;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of contract versions: every version can be read (by ce_type), and each record is written as the newest
 * version registered for its class. Adding a v2 means registering it next to v1, with v1's reader upcasting.
 */
public final class ContractRegistry {

    private final List<ContractType> types;
    private final Map<String, ContractType> byCeType = new HashMap<>();
    private final Map<Class<? extends ContractEvent>, ContractType> current = new HashMap<>();

    private ContractRegistry(List<ContractType> types) {
        this.types = List.copyOf(types);
        for (ContractType type : this.types) {
            if (byCeType.putIfAbsent(type.ceType(), type) != null) {
                throw new IllegalArgumentException("contract " + type.ceType() + " is registered twice");
            }
            current.merge(type.recordType(), type,
                    (a, b) -> Comparator.comparingInt(ContractType::version).compare(a, b) >= 0 ? a : b);
        }
    }

    /** A registry of these contract versions. */
    public static ContractRegistry of(List<ContractType> types) {
        return new ContractRegistry(types);
    }

    /** Every registered contract version, in registration order. */
    public List<ContractType> all() {
        return types;
    }

    /** The contract version with this ce_type, if registered. */
    public Optional<ContractType> forCeType(String ceType) {
        return Optional.ofNullable(ceType).map(byCeType::get);
    }

    /** The version a record is written as: the newest registered for its class. */
    public ContractType current(Class<? extends ContractEvent> recordType) {
        ContractType type = current.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException("not a registered contract: " + recordType.getName());
        }
        return type;
    }
}
