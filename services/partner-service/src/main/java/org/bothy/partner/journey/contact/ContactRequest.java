package org.bothy.partner.journey.contact;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /journeys/{journeyId}/contacts}: the kind (a contact-kind code: visit, call, message,
 * meeting), the day (today when not given), minutes spent, and any spend in pence with what it was for (private).
 */
public record ContactRequest(
        @NotBlank @Size(max = 100) String kind,
        @PastOrPresent LocalDate on,
        @NotNull @Min(0) Integer minutes,
        @Min(0) Long spendPence,
        @Size(max = 500) String spentOn) {

    @Override
    public String toString() {
        // what the money was for is private
        return "ContactRequest[kind=" + kind + ", on=" + on + ", minutes=" + minutes + ", spendPence=" + spendPence
                + "]";
    }
}
