package org.bothy.partner.journey.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.bothy.partner.journey.system.SystemEvents.ActorAdded;
import org.bothy.partner.journey.system.SystemEvents.ActorChanged;
import org.bothy.partner.journey.system.SystemEvents.ActorRemoved;
import org.bothy.partner.journey.system.SystemEvents.FactorAdded;
import org.bothy.partner.journey.system.SystemEvents.Related;
import org.bothy.partner.journey.system.SystemEvents.RelationshipRemoved;
import org.junit.jupiter.api.Test;

/** A life as a system folds into a graph of nodes and edges. */
class LifeAsASystemTest {

    @Test
    void theGraphShowsWhatIsThereNow() {
        LifeAsASystem life = new LifeAsASystem();
        life.apply(new ActorAdded("j", "a1", "private-landlord", "Mr Gray"));
        life.apply(new ActorAdded("j", "a2", "family", "sister"));
        life.apply(new FactorAdded("j", "f1", "debt", "rent arrears"));
        life.apply(new Related("j", "r1", "a1", "f1", "is owed"));
        life.apply(new Related("j", "r2", "a2", "a1", "argues with"));
        life.apply(new RelationshipRemoved("j", "r2"));
        life.apply(new ActorRemoved("j", "a2"));
        life.apply(new ActorChanged("j", "a1", "council-housing", "the council"));

        SystemGraph graph = life.graph();
        assertThat(graph.nodes()).containsExactly(
                new SystemGraph.Node("a1", "actor", "council-housing", "the council"),
                new SystemGraph.Node("f1", "factor", "debt", "rent arrears"));
        assertThat(graph.edges()).containsExactly(new SystemGraph.Edge("r1", "a1", "f1", "is owed"));
    }
}
