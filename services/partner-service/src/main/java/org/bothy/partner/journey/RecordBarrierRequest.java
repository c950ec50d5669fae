package org.bothy.partner.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /journeys/{journeyId}/barriers}; the codes are checked against the consortium's lists.
 * {@code observedOn} is the day the person met the barrier (today when not given).
 */
public record RecordBarrierRequest(
        @NotBlank String theme,
        @NotBlank String systemActor,
        @NotNull @Min(1) @Max(3) Integer level,
        @Size(max = 4000) String note,
        @PastOrPresent LocalDate observedOn) {

    @Override
    public String toString() {
        // the note is private: keep it out of anything that prints this record
        return "RecordBarrierRequest[theme=" + theme + ", systemActor=" + systemActor + ", level=" + level
                + ", observedOn=" + observedOn + "]";
    }
}
