package org.bothy.partner.journey;

import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.person.PersonRegistration;
import org.bothy.partner.person.RegisteredPerson;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP face of journeys for this organisation's workers: open one, record a barrier, close it, read it back
 * (with its version as ETag). The other slices of a journey have their own endpoints beside this one.
 */
@RestController
@RequestMapping("/journeys")
public class JourneyEndpoint {

    private final CommandGateway commands;
    private final PersonRegistration people;
    private final JourneyViews views;
    private final JourneyRefusals refusals;
    private final JourneyChanges changes;

    public JourneyEndpoint(CommandGateway commands, PersonRegistration people, JourneyViews views,
                           JourneyRefusals refusals, JourneyChanges changes) {
        this.commands = commands;
        this.people = people;
        this.views = views;
        this.refusals = refusals;
        this.changes = changes;
    }

    @PostMapping
    public ResponseEntity<OpenedJourney> open(@Valid @RequestBody OpenJourneyRequest request) {
        String journeyId = RandomIds.next();
        // the journey holds only the pseudonym; a person named inline is registered, their details sealed
        RegisteredPerson person = people.openJourneyFor(journeyId, request.personId(),
                request.person() == null ? null : request.person().fullName(),
                request.person() == null ? null : request.person().dateOfBirth(), request.consents(),
                pseudonym -> refusals.translate(() -> commands.sendAndWait(
                        new OpenJourney(journeyId, pseudonym, request.door()))));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{journeyId}")
                .buildAndExpand(journeyId).toUri();
        return ResponseEntity.created(location).body(new OpenedJourney(journeyId, person.pseudonym(),
                person.personId()));
    }

    @PostMapping("/{journeyId}/barriers")
    public ResponseEntity<RecordedBarrier> recordBarrier(@PathVariable String journeyId,
                                                         @RequestHeader(value = IfMatch.HEADER, required = false)
                                                         String ifMatch,
                                                         @Valid @RequestBody RecordBarrierRequest request) {
        String barrierId = RandomIds.next();
        return changes.record(journeyId, new RecordBarrier(journeyId, barrierId, request.theme(),
                request.systemActor(), request.level(), request.note(), Today.orToday(request.observedOn()),
                IfMatch.version(ifMatch)), new RecordedBarrier(barrierId));
    }

    @PostMapping("/{journeyId}/closure")
    public ResponseEntity<Void> close(@PathVariable String journeyId,
                                      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                      @Valid @RequestBody(required = false) CloseJourneyRequest request) {
        String words = request == null ? null : request.inTheirWords();
        return changes.change(journeyId, new CloseJourney(journeyId, words, IfMatch.version(ifMatch)));
    }

    @GetMapping("/{journeyId}")
    public ResponseEntity<JourneyView> journey(@PathVariable String journeyId) {
        JourneyView view = views.find(journeyId).orElseThrow(() -> refusals.noSuchJourney(journeyId));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view);
    }
}
