package org.bothy.partner.journey.contact;

import jakarta.validation.Valid;
import java.util.Map;
import org.bothy.partner.journey.IfMatch;
import org.bothy.partner.journey.JourneyChanges;
import org.bothy.partner.journey.JourneyRefusals;
import org.bothy.partner.journey.JourneyView;
import org.bothy.partner.journey.JourneyViews;
import org.bothy.partner.journey.Today;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Contacts with the person, and the journey's cost of support that they add up to. */
@RestController
public class ContactEndpoint {

    /** The answer to recording a contact: its id. */
    public record RecordedContact(String contactId) {
    }

    private final JourneyChanges changes;
    private final JourneyViews views;
    private final JourneyRefusals refusals;

    public ContactEndpoint(JourneyChanges changes, JourneyViews views, JourneyRefusals refusals) {
        this.changes = changes;
        this.views = views;
        this.refusals = refusals;
    }

    @PostMapping("/journeys/{journeyId}/contacts")
    public ResponseEntity<RecordedContact> record(@PathVariable String journeyId,
                                                  @RequestHeader(value = IfMatch.HEADER, required = false)
                                                  String ifMatch,
                                                  @Valid @RequestBody ContactRequest request) {
        String contactId = RandomIds.next();
        long spend = request.spendPence() == null ? 0 : request.spendPence();
        return changes.record(journeyId, new RecordContact(journeyId, contactId, request.kind(),
                Today.orToday(request.on()), request.minutes(), spend, request.spentOn(), IfMatch.version(ifMatch)),
                new RecordedContact(contactId), Map.of("contactKind", "kind"));
    }

    @GetMapping("/journeys/{journeyId}/cost")
    public ResponseEntity<CostOfSupport> cost(@PathVariable String journeyId) {
        JourneyView view = views.find(journeyId).orElseThrow(() -> refusals.noSuchJourney(journeyId));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view.cost());
    }
}
