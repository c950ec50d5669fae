package org.bothy.partner.journey.contact;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.bothy.partner.journey.JourneyChange;

/** Asks to record a contact with the person: its kind, the day, minutes spent, any small spend and what for. */
public record RecordContact(
        @TargetAggregateIdentifier String journeyId,
        String contactId,
        String kind,
        LocalDate on,
        int minutes,
        long spendPence,
        String spentOn,
        @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
}
