package org.bothy.partner.person;

import java.time.LocalDate;

/** Who a person is, as sealed under their own key: name, date of birth and how to reach them. */
public record IdentifyingDetails(String fullName, LocalDate dateOfBirth, Contact contact) {

    /** How to reach the person; each part optional. */
    public record Contact(String phone, String email, String address) {

        @Override
        public String toString() {
            return "Contact[hidden]";
        }
    }

    @Override
    public String toString() {
        // personal data: nothing that prints this record may show who the person is
        return "IdentifyingDetails[hidden]";
    }
}
