package org.bothy.partner.journey.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bothy.partner.journey.system.SystemEvents.ActorAdded;
import org.bothy.partner.journey.system.SystemEvents.ActorChanged;
import org.bothy.partner.journey.system.SystemEvents.ActorRemoved;
import org.bothy.partner.journey.system.SystemEvents.FactorAdded;
import org.bothy.partner.journey.system.SystemEvents.FactorChanged;
import org.bothy.partner.journey.system.SystemEvents.FactorRemoved;
import org.bothy.partner.journey.system.SystemEvents.Related;
import org.bothy.partner.journey.system.SystemEvents.RelationshipChanged;
import org.bothy.partner.journey.system.SystemEvents.RelationshipRemoved;

/** Folds the system events of one journey, in order, into its graph; plain code, no framework. */
public final class LifeAsASystem {

    private final Map<String, SystemGraph.Node> nodes = new LinkedHashMap<>();
    private final Map<String, SystemGraph.Edge> edges = new LinkedHashMap<>();

    /** Applies one event; events that do not draw the system are ignored. */
    public void apply(Object event) {
        if (event instanceof ActorAdded e) {
            nodes.put(e.actorId(), new SystemGraph.Node(e.actorId(), "actor", e.kind(), e.label()));
        } else if (event instanceof ActorChanged e) {
            nodes.put(e.actorId(), new SystemGraph.Node(e.actorId(), "actor", e.kind(), e.label()));
        } else if (event instanceof ActorRemoved e) {
            nodes.remove(e.actorId());
        } else if (event instanceof FactorAdded e) {
            nodes.put(e.factorId(), new SystemGraph.Node(e.factorId(), "factor", e.theme(), e.words()));
        } else if (event instanceof FactorChanged e) {
            nodes.put(e.factorId(), new SystemGraph.Node(e.factorId(), "factor", e.theme(), e.words()));
        } else if (event instanceof FactorRemoved e) {
            nodes.remove(e.factorId());
        } else if (event instanceof Related e) {
            edges.put(e.relationshipId(), new SystemGraph.Edge(e.relationshipId(), e.from(), e.to(), e.nature()));
        } else if (event instanceof RelationshipChanged e) {
            edges.put(e.relationshipId(), new SystemGraph.Edge(e.relationshipId(), e.from(), e.to(), e.nature()));
        } else if (event instanceof RelationshipRemoved e) {
            edges.remove(e.relationshipId());
        }
    }

    /** The graph as it stands. */
    public SystemGraph graph() {
        return new SystemGraph(List.copyOf(nodes.values()), List.copyOf(edges.values()));
    }
}
