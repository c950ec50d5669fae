package org.bothy.partner.journey.system;

import java.util.List;

/** The person's life as a system, as a graph: actors and factors are the nodes, relationships the edges. */
public record SystemGraph(List<Node> nodes, List<Edge> edges) {

    /**
     * An actor or a factor.
     *
     * @param type  {@code actor} or {@code factor}
     * @param kind  an actor's kind, or a factor's theme code
     * @param label an actor's label, or the person's words for a factor
     */
    public record Node(String id, String type, String kind, String label) {
    }

    /** A relationship from one node to another, and its nature. */
    public record Edge(String id, String from, String to, String nature) {
    }
}
