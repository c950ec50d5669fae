package org.bothy.partner.journey.conversation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.bothy.partner.journey.JourneyChange;

/** Asks to keep a private note of a conversation held with the person on a day. */
public record RecordConversation(
        @TargetAggregateIdentifier String journeyId,
        String conversationId,
        LocalDate heldOn,
        String note,
        @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
}
