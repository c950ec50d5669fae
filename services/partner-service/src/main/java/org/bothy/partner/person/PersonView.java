package org.bothy.partner.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person as a worker of this organisation sees them. Once erased, only the id and {@code erased: true} remain.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(
        String personId,
        boolean erased,
        String pseudonym,
        String fullName,
        LocalDate dateOfBirth,
        IdentifyingDetails.Contact contact,
        Instant registeredAt,
        List<ConsentView> consents) {

    /** What remains of an erased person. */
    public static PersonView erased(String personId) {
        return new PersonView(personId, true, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "PersonView[" + personId + (erased ? ", erased" : "") + "]";
    }
}
