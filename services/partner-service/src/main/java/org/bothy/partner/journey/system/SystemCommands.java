package org.bothy.partner.journey.system;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.bothy.partner.journey.JourneyChange;

/**
 * The commands that draw the person's life as a system: actors (a kind and a label), factors (a theme and the
 * person's words) and the relationships between any two of them. Each carries the journey version the worker saw.
 */
public final class SystemCommands {

    private SystemCommands() {
    }

    /** Adds someone or something in the person's life: family, a landlord, a school, the council's revenues... */
    public record AddActor(@TargetAggregateIdentifier String journeyId, String actorId, String kind, String label,
                           @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Changes an actor's kind or label. */
    public record ChangeActor(@TargetAggregateIdentifier String journeyId, String actorId, String kind, String label,
                              @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Removes an actor, and with it every relationship it has. */
    public record RemoveActor(@TargetAggregateIdentifier String journeyId, String actorId,
                              @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Adds a factor in the person's life: a theme code, and how it shows in their life. */
    public record AddFactor(@TargetAggregateIdentifier String journeyId, String factorId, String theme, String words,
                            @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Changes a factor's theme or words. */
    public record ChangeFactor(@TargetAggregateIdentifier String journeyId, String factorId, String theme,
                               String words, @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Removes a factor, and with it every relationship it has. */
    public record RemoveFactor(@TargetAggregateIdentifier String journeyId, String factorId,
                               @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Relates two actors or factors: from one, to another, and the nature of the relationship. */
    public record Relate(@TargetAggregateIdentifier String journeyId, String relationshipId, String from, String to,
                         String nature, @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Changes a relationship's ends or nature. */
    public record ChangeRelationship(@TargetAggregateIdentifier String journeyId, String relationshipId, String from,
                                     String to, String nature, @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /** Removes a relationship. */
    public record RemoveRelationship(@TargetAggregateIdentifier String journeyId, String relationshipId,
                                     @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }
}
