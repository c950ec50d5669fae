package org.bothy.partner.journey.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.SystemActor;
import org.bothy.kernel.codes.UnknownCodeException;

/**
 * The kinds an actor in a person's life may be: the people and places around them that no statutory body answers
 * for, and every system actor of the consortium's code list, so that the map of a life speaks the same language as
 * the barriers recorded on it.
 */
public final class ActorKinds {

    /** Kinds of actor that are not system actors. */
    public static final List<String> INFORMAL = List.of("family", "friend", "neighbour", "community-group",
            "employer", "college", "other-charity", "other");

    private ActorKinds() {
    }

    /** Refuses a kind that is neither informal nor a system actor, naming the valid ones. */
    public static void check(String kind, Codes codes) {
        if (INFORMAL.contains(kind)) {
            return;
        }
        List<String> actors = codes.systemActors().stream().map(SystemActor::code).toList();
        if (!actors.contains(kind)) {
            List<String> valid = new ArrayList<>(INFORMAL);
            valid.addAll(actors);
            Collections.sort(valid);
            throw new UnknownCodeException("kind", kind, valid);
        }
    }
}
