package org.bothy.place.cost;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Keeps one row per contact in a journey: its kind, minutes and small spend, the stuff of the cost of support. */
@Component
public class ContactProjection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public ContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Object[]> rows = firstSeen.stream()
                .filter(ContactRecorded.class::isInstance)
                .map(ContactRecorded.class::cast)
                .map(contact -> new Object[] {contact.eventId(), contact.organisation(), contact.pseudonym(),
                        contact.journeyId(), contact.kind(), contact.minutes(), contact.spendPence(),
                        OffsetDateTime.ofInstant(contact.occurredAt(), ZoneOffset.UTC)})
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into contact (event_id, organisation, pseudonym, journey_id, kind, minutes, spend_pence, contacted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }
}
