package org.bothy.partner.journey;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.kernel.privacy.Pseudonymiser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP face of journeys for this organisation's workers: open one, record a barrier, close it, read it back.
 */
@RestController
@RequestMapping("/journeys")
public class JourneyEndpoint {

    private final CommandGateway commands;
    private final Pseudonymiser pseudonymiser;
    private final JourneyViews views;
    private final JourneyRefusals refusals;

    public JourneyEndpoint(CommandGateway commands, Pseudonymiser pseudonymiser, JourneyViews views,
                           JourneyRefusals refusals) {
        this.commands = commands;
        this.pseudonymiser = pseudonymiser;
        this.views = views;
        this.refusals = refusals;
    }

    @PostMapping
    public ResponseEntity<OpenedJourney> open(@Valid @RequestBody OpenJourneyRequest request) {
        // the name and date of birth go no further than this line: only the pseudonym is stored
        String pseudonym = pseudonymiser.pseudonym(request.person().fullName(), request.person().dateOfBirth());
        String journeyId = UUID.randomUUID().toString();
        refusals.translate(() -> commands.sendAndWait(new OpenJourney(journeyId, pseudonym, request.door())));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{journeyId}")
                .buildAndExpand(journeyId).toUri();
        return ResponseEntity.created(location).body(new OpenedJourney(journeyId, pseudonym));
    }

    @PostMapping("/{journeyId}/barriers")
    public ResponseEntity<RecordedBarrier> recordBarrier(@PathVariable String journeyId,
                                                         @Valid @RequestBody RecordBarrierRequest request) {
        String barrierId = UUID.randomUUID().toString();
        refusals.translate(() -> commands.sendAndWait(new RecordBarrier(journeyId, barrierId, request.theme(),
                request.systemActor(), request.level(), request.note())));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/journeys/{journeyId}")
                .buildAndExpand(journeyId).toUri();
        return ResponseEntity.created(location).body(new RecordedBarrier(barrierId));
    }

    @PostMapping("/{journeyId}/closure")
    public ResponseEntity<Void> close(@PathVariable String journeyId) {
        refusals.translate(() -> commands.sendAndWait(new CloseJourney(journeyId)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{journeyId}")
    public JourneyView journey(@PathVariable String journeyId) {
        return views.find(journeyId).orElseThrow(() -> refusals.noSuchJourney(journeyId));
    }
}
