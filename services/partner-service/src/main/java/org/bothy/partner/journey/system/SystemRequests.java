package org.bothy.partner.journey.system;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the requests that draw a life as a system; labels, words and natures are private. */
public final class SystemRequests {

    private SystemRequests() {
    }

    /** An actor: its kind (a system actor code, or family, friend, ...) and a label of the worker's choosing. */
    public record ActorRequest(@NotBlank @Size(max = 100) String kind, @NotBlank @Size(max = 200) String label) {
        @Override
        public String toString() {
            return "ActorRequest[kind=" + kind + "]";
        }
    }

    /** A factor: a theme code and how it shows in the person's life. */
    public record FactorRequest(@NotBlank @Size(max = 100) String theme, @Size(max = 1000) String words) {
        @Override
        public String toString() {
            return "FactorRequest[theme=" + theme + "]";
        }
    }

    /** A relationship between two actors or factors (their ids) and its nature. */
    public record RelationshipRequest(@NotBlank @Size(max = 100) String from, @NotBlank @Size(max = 100) String to,
                                      @NotBlank @Size(max = 500) String nature) {
        @Override
        public String toString() {
            return "RelationshipRequest[from=" + from + ", to=" + to + "]";
        }
    }

    /** The answer to adding an actor, a factor or a relationship: its id. */
    public record Added(String id) {
    }
}
