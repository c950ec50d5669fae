package org.bothy.partner.journey.system;

import jakarta.validation.Valid;
import org.bothy.partner.journey.IfMatch;
import org.bothy.partner.journey.JourneyChanges;
import org.bothy.partner.journey.JourneyRefusals;
import org.bothy.partner.journey.JourneyView;
import org.bothy.partner.journey.JourneyViews;
import org.bothy.partner.journey.system.SystemCommands.AddActor;
import org.bothy.partner.journey.system.SystemCommands.AddFactor;
import org.bothy.partner.journey.system.SystemCommands.ChangeActor;
import org.bothy.partner.journey.system.SystemCommands.ChangeFactor;
import org.bothy.partner.journey.system.SystemCommands.ChangeRelationship;
import org.bothy.partner.journey.system.SystemCommands.Relate;
import org.bothy.partner.journey.system.SystemCommands.RemoveActor;
import org.bothy.partner.journey.system.SystemCommands.RemoveFactor;
import org.bothy.partner.journey.system.SystemCommands.RemoveRelationship;
import org.bothy.partner.journey.system.SystemRequests.ActorRequest;
import org.bothy.partner.journey.system.SystemRequests.Added;
import org.bothy.partner.journey.system.SystemRequests.FactorRequest;
import org.bothy.partner.journey.system.SystemRequests.RelationshipRequest;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The person's life as a system over HTTP: read it as a graph; add, change and remove its parts. */
@RestController
@RequestMapping("/journeys/{journeyId}/system")
public class SystemEndpoint {

    private final JourneyChanges changes;
    private final JourneyViews views;
    private final JourneyRefusals refusals;

    public SystemEndpoint(JourneyChanges changes, JourneyViews views, JourneyRefusals refusals) {
        this.changes = changes;
        this.views = views;
        this.refusals = refusals;
    }

    @GetMapping
    public ResponseEntity<SystemGraph> graph(@PathVariable String journeyId) {
        JourneyView view = views.find(journeyId).orElseThrow(() -> refusals.noSuchJourney(journeyId));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view.system());
    }

    @PostMapping("/actors")
    public ResponseEntity<Added> addActor(@PathVariable String journeyId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody ActorRequest request) {
        String actorId = RandomIds.next();
        return changes.record(journeyId, new AddActor(journeyId, actorId, request.kind(), request.label(),
                IfMatch.version(ifMatch)), new Added(actorId));
    }

    @PutMapping("/actors/{actorId}")
    public ResponseEntity<Void> changeActor(@PathVariable String journeyId, @PathVariable String actorId,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody ActorRequest request) {
        return changes.change(journeyId, new ChangeActor(journeyId, actorId, request.kind(), request.label(),
                IfMatch.version(ifMatch)));
    }

    @DeleteMapping("/actors/{actorId}")
    public ResponseEntity<Void> removeActor(@PathVariable String journeyId, @PathVariable String actorId,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return changes.change(journeyId, new RemoveActor(journeyId, actorId, IfMatch.version(ifMatch)));
    }

    @PostMapping("/factors")
    public ResponseEntity<Added> addFactor(@PathVariable String journeyId,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody FactorRequest request) {
        String factorId = RandomIds.next();
        return changes.record(journeyId, new AddFactor(journeyId, factorId, request.theme(), request.words(),
                IfMatch.version(ifMatch)), new Added(factorId));
    }

    @PutMapping("/factors/{factorId}")
    public ResponseEntity<Void> changeFactor(@PathVariable String journeyId, @PathVariable String factorId,
                                             @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody FactorRequest request) {
        return changes.change(journeyId, new ChangeFactor(journeyId, factorId, request.theme(), request.words(),
                IfMatch.version(ifMatch)));
    }

    @DeleteMapping("/factors/{factorId}")
    public ResponseEntity<Void> removeFactor(@PathVariable String journeyId, @PathVariable String factorId,
                                             @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return changes.change(journeyId, new RemoveFactor(journeyId, factorId, IfMatch.version(ifMatch)));
    }

    @PostMapping("/relationships")
    public ResponseEntity<Added> relate(@PathVariable String journeyId,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody RelationshipRequest request) {
        String relationshipId = RandomIds.next();
        return changes.record(journeyId, new Relate(journeyId, relationshipId, request.from(), request.to(),
                request.nature(), IfMatch.version(ifMatch)), new Added(relationshipId));
    }

    @PutMapping("/relationships/{relationshipId}")
    public ResponseEntity<Void> changeRelationship(@PathVariable String journeyId,
                                                   @PathVariable String relationshipId,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false)
                                                   String ifMatch,
                                                   @Valid @RequestBody RelationshipRequest request) {
        return changes.change(journeyId, new ChangeRelationship(journeyId, relationshipId, request.from(),
                request.to(), request.nature(), IfMatch.version(ifMatch)));
    }

    @DeleteMapping("/relationships/{relationshipId}")
    public ResponseEntity<Void> removeRelationship(@PathVariable String journeyId,
                                                   @PathVariable String relationshipId,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false)
                                                   String ifMatch) {
        return changes.change(journeyId, new RemoveRelationship(journeyId, relationshipId,
                IfMatch.version(ifMatch)));
    }
}
