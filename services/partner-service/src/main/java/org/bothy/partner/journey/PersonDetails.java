package org.bothy.partner.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A person's identifying details as a worker gives them; they are turned into a pseudonym and never kept. */
public record PersonDetails(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull @PastOrPresent LocalDate dateOfBirth) {

    @Override
    public String toString() {
        // personal data: nothing that prints this record may show who the person is
        return "PersonDetails[hidden]";
    }
}
