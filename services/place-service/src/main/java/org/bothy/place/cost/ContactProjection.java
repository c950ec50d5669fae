package org.bothy.place.cost;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps one row per contact in a journey: its kind, minutes and small spend, the stuff of the cost of support. */
@Component
public class ContactProjection implements LearningProjection {

    /** One row per contact. */
    public static final EventRows<ContactRecorded> ROWS = new EventRows<>("contact", ContactRecorded.class,
            List.of("event_id", "organisation", "pseudonym", "journey_id", "kind", "minutes", "spend_pence", "contacted_at"),
            "contacted_at",
            contact -> new Object[] {contact.eventId(), contact.organisation(), contact.pseudonym(), contact.journeyId(),
                    contact.kind(), contact.minutes(), contact.spendPence(), EventRows.utc(contact.occurredAt())});

    private final JdbcTemplate jdbc;

    public ContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Object[]> rows = ROWS.rowsOf(firstSeen);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(ROWS.insert(), rows);
        }
    }
}
