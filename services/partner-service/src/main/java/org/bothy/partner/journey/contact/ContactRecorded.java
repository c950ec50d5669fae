package org.bothy.partner.journey.contact;

import java.time.LocalDate;

/** Private event: a contact with the person; what the money was spent on stays in this organisation. */
public record ContactRecorded(String journeyId, String pseudonym, String contactId, String kind, LocalDate on,
                              int minutes, long spendPence, String spentOn) {
}
