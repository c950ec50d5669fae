package org.bothy.partner.export;

import java.util.List;
import java.util.Objects;
import org.bothy.partner.audit.AuditEntry;
import org.bothy.partner.audit.AuditLog;
import org.bothy.partner.journey.JourneyView;
import org.bothy.partner.journey.JourneyViews;
import org.bothy.partner.person.PersonRecords;
import org.bothy.partner.person.PersonRefusals;
import org.bothy.partner.person.PersonView;
import org.bothy.partner.person.PersonViews;
import org.bothy.partner.referral.PersonReferrals;
import org.bothy.partner.referral.ReferralsAbout;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /people/{personId}/export}: everything this service holds about a person, for a subject access
 * request: their details opened, their consents, every journey with all that was recorded on it (the journey's own
 * view, so every slice it grows is included), the referrals about them both ways, and who has read or changed their
 * record.
 */
@RestController
public class SubjectAccessExport {

    private static final int AUDIT_PAGE = 200;

    private final PersonViews people;
    private final PersonRecords records;
    private final JourneyViews journeys;
    private final PersonReferrals referrals;
    private final AuditLog audit;
    private final PersonRefusals refusals;

    public SubjectAccessExport(PersonViews people, PersonRecords records, JourneyViews journeys,
                               PersonReferrals referrals, AuditLog audit, PersonRefusals refusals) {
        this.people = people;
        this.records = records;
        this.journeys = journeys;
        this.referrals = referrals;
        this.audit = audit;
        this.refusals = refusals;
    }

    @GetMapping("/people/{personId}/export")
    public Export export(@PathVariable String personId) {
        PersonView person = people.find(personId).orElseThrow(() -> refusals.noSuchPerson(personId));
        audit.record(personId, null, "person.export");
        List<String> journeyIds = records.journeysOf(personId);
        List<JourneyView> theirJourneys = journeyIds.stream()
                .map(journeys::find).flatMap(java.util.Optional::stream).filter(Objects::nonNull).toList();
        return new Export(person, theirJourneys, referrals.about(personId, journeyIds), everyAccess(personId));
    }

    private List<AuditEntry> everyAccess(String personId) {
        java.util.ArrayList<AuditEntry> entries = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            AuditLog.Page found = audit.find(personId, null, null, page, AUDIT_PAGE);
            entries.addAll(found.entries());
            if ((long) (page + 1) * AUDIT_PAGE >= found.total()) {
                return entries;
            }
        }
    }

    /**
     * What the service holds about one person. Contacts and the other slices of a journey are part of each journey's
     * view; referrals are aggregates of their own, so they come apart.
     */
    public record Export(PersonView person, List<JourneyView> journeys, ReferralsAbout referrals,
                         List<AuditEntry> access) {
    }
}
