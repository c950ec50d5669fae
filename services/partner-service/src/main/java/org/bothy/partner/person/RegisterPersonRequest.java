package org.bothy.partner.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /people}: who the person is, how to reach them, and the consents they give now. */
public record RegisterPersonRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull @PastOrPresent LocalDate dateOfBirth,
        @Valid ContactRequest contact,
        List<String> consents) {

    /** How to reach the person; each part optional. */
    public record ContactRequest(
            @Size(max = 40) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number: digits, spaces, + ( ) -")
            String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 500) String address) {

        @Override
        public String toString() {
            return "ContactRequest[hidden]";
        }
    }

    /** The details to seal. */
    IdentifyingDetails details() {
        return new IdentifyingDetails(fullName, dateOfBirth, contact == null ? null
                : new IdentifyingDetails.Contact(contact.phone(), contact.email(), contact.address()));
    }

    @Override
    public String toString() {
        // personal data: nothing that prints this record may show who the person is
        return "RegisterPersonRequest[hidden]";
    }
}
