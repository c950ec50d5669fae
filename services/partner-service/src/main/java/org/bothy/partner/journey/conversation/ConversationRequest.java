package org.bothy.partner.journey.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /journeys/{journeyId}/conversations}: the day (today when not given) and a private note. */
public record ConversationRequest(@PastOrPresent LocalDate heldOn, @NotBlank @Size(max = 8000) String note) {

    @Override
    public String toString() {
        // the note is private
        return "ConversationRequest[heldOn=" + heldOn + "]";
    }
}
