package org.bothy.partner.journey.system;

/** Private events of the person's life as a system; labels, words and natures stay in this organisation. */
public final class SystemEvents {

    private SystemEvents() {
    }

    /** An actor was added to the person's life as a system. */
    public record ActorAdded(String journeyId, String actorId, String kind, String label) {
    }

    /** An actor's kind or label was changed. */
    public record ActorChanged(String journeyId, String actorId, String kind, String label) {
    }

    /** An actor was removed (its relationships were removed just before). */
    public record ActorRemoved(String journeyId, String actorId) {
    }

    /** A factor was added. */
    public record FactorAdded(String journeyId, String factorId, String theme, String words) {
    }

    /** A factor's theme or words were changed. */
    public record FactorChanged(String journeyId, String factorId, String theme, String words) {
    }

    /** A factor was removed (its relationships were removed just before). */
    public record FactorRemoved(String journeyId, String factorId) {
    }

    /** Two actors or factors were related. */
    public record Related(String journeyId, String relationshipId, String from, String to, String nature) {
    }

    /** A relationship was changed. */
    public record RelationshipChanged(String journeyId, String relationshipId, String from, String to,
                                      String nature) {
    }

    /** A relationship was removed. */
    public record RelationshipRemoved(String journeyId, String relationshipId) {
    }
}
