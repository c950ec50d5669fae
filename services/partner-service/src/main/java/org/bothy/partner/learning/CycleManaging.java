package org.bothy.partner.learning;

import java.util.List;

/**
 * How a learning cycle is managed: the time and resources it has, what enables it and what stands in its way, and
 * the other cycles (at any scale, at any partner) it is connected to.
 */
public record CycleManaging(
        String time,
        String resources,
        String enablers,
        String barriers,
        List<String> connections) {

    public CycleManaging {
        connections = connections == null ? List.of() : connections.stream().distinct().toList();
    }

    /** Nothing said yet about how the cycle is managed. */
    public static CycleManaging none() {
        return new CycleManaging(null, null, null, null, null);
    }
}
