package org.bothy.partner.journey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.kernel.codes.Codes;
import org.bothy.partner.journey.contact.ContactRecorded;
import org.bothy.partner.journey.contact.RecordContact;
import org.bothy.partner.journey.conversation.ConversationRecorded;
import org.bothy.partner.journey.conversation.RecordConversation;
import org.bothy.partner.journey.experiment.ExperimentAlreadyConcluded;
import org.bothy.partner.journey.experiment.ExperimentCommands.ConcludeExperiment;
import org.bothy.partner.journey.experiment.ExperimentCommands.StartExperiment;
import org.bothy.partner.journey.experiment.ExperimentConcluded;
import org.bothy.partner.journey.experiment.ExperimentStarted;
import org.bothy.partner.journey.matters.RecordWhatMatters;
import org.bothy.partner.journey.matters.WhatMattersRecorded;
import org.bothy.partner.journey.measure.ScoreSoftMeasure;
import org.bothy.partner.journey.measure.SoftMeasureScored;
import org.bothy.partner.journey.system.ActorKinds;
import org.bothy.partner.journey.system.SystemCommands.AddActor;
import org.bothy.partner.journey.system.SystemCommands.AddFactor;
import org.bothy.partner.journey.system.SystemCommands.ChangeActor;
import org.bothy.partner.journey.system.SystemCommands.ChangeFactor;
import org.bothy.partner.journey.system.SystemCommands.ChangeRelationship;
import org.bothy.partner.journey.system.SystemCommands.Relate;
import org.bothy.partner.journey.system.SystemCommands.RemoveActor;
import org.bothy.partner.journey.system.SystemCommands.RemoveFactor;
import org.bothy.partner.journey.system.SystemCommands.RemoveRelationship;
import org.bothy.partner.journey.system.SystemEvents.ActorAdded;
import org.bothy.partner.journey.system.SystemEvents.ActorChanged;
import org.bothy.partner.journey.system.SystemEvents.ActorRemoved;
import org.bothy.partner.journey.system.SystemEvents.FactorAdded;
import org.bothy.partner.journey.system.SystemEvents.FactorChanged;
import org.bothy.partner.journey.system.SystemEvents.FactorRemoved;
import org.bothy.partner.journey.system.SystemEvents.Related;
import org.bothy.partner.journey.system.SystemEvents.RelationshipChanged;
import org.bothy.partner.journey.system.SystemEvents.RelationshipRemoved;

/**
 * The relationship between one person and this organisation, opened at a door: it decides what may be
 * recorded on it and remembers only what those decisions need. Every command may carry the version the worker last
 * saw; Axon refuses it when the journey has moved on since.
 */
@Aggregate(cache = JourneyCaching.CACHE)
public class Journey {

    @AggregateIdentifier
    private String journeyId;
    private String pseudonym;
    private boolean closed;
    private final Set<String> barriers = new HashSet<>();
    private final Set<String> actors = new HashSet<>();
    private final Set<String> factors = new HashSet<>();
    private final Map<String, List<String>> relationships = new HashMap<>();
    private final Set<String> conversations = new HashSet<>();
    private final Map<String, String> experimentThemes = new HashMap<>();
    private final Set<String> concludedExperiments = new HashSet<>();
    private final Set<String> contacts = new HashSet<>();
    private final Set<String> softMeasures = new HashSet<>();

    protected Journey() {
        // for Axon, which rebuilds a journey from its events
    }

    @CommandHandler
    public Journey(OpenJourney command) {
        apply(new JourneyOpened(command.journeyId(), command.pseudonym(), command.door()));
    }

    @CommandHandlerInterceptor
    void decidedOnAVersionThatExists(JourneyChange change) {
        // Axon refuses a version older than the journey's; a version it never reached is refused here
        Long current = AggregateLifecycle.getVersion();
        if (change.expectedVersion() != null && current != null && change.expectedVersion() > current) {
            throw new ConflictingAggregateVersionException(journeyId, change.expectedVersion(), current);
        }
    }

    @CommandHandlerInterceptor
    Object answeredWithTheVersionAfterIt(JourneyChange change, InterceptorChain handling) throws Exception {
        // the caller's next If-Match: known here for free, where asking the event store after the commit costs a
        // transaction of its own
        handling.proceed();
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(RecordBarrier command, Codes codes) {
        requireOpen();
        if (barriers.contains(command.barrierId())) {
            throw new BarrierAlreadyRecorded(command.barrierId());
        }
        // each throws UnknownCodeException naming the code and the valid ones
        codes.theme(command.theme());
        codes.systemActor(command.systemActor());
        codes.level(command.level());
        apply(new BarrierRecorded(journeyId, pseudonym, command.barrierId(), command.theme(), command.systemActor(),
                command.level(), command.note(), command.observedOn()));
    }

    @CommandHandler
    public void handle(RecordWhatMatters command) {
        requireOpen();
        apply(new WhatMattersRecorded(journeyId, command.inTheirWords()));
    }

    @CommandHandler
    public void handle(AddActor command, Codes codes) {
        requireOpen();
        requireNew("actor", command.actorId(), actors.contains(command.actorId()) || factors.contains(command.actorId()));
        ActorKinds.check(command.kind(), codes);
        apply(new ActorAdded(journeyId, command.actorId(), command.kind(), command.label()));
    }

    @CommandHandler
    public void handle(ChangeActor command, Codes codes) {
        requireOpen();
        requirePresent("actor", command.actorId(), actors);
        ActorKinds.check(command.kind(), codes);
        apply(new ActorChanged(journeyId, command.actorId(), command.kind(), command.label()));
    }

    @CommandHandler
    public void handle(RemoveActor command) {
        requireOpen();
        requirePresent("actor", command.actorId(), actors);
        removeRelationshipsOf(command.actorId());
        apply(new ActorRemoved(journeyId, command.actorId()));
    }

    @CommandHandler
    public void handle(AddFactor command, Codes codes) {
        requireOpen();
        requireNew("factor", command.factorId(),
                factors.contains(command.factorId()) || actors.contains(command.factorId()));
        codes.theme(command.theme());
        apply(new FactorAdded(journeyId, command.factorId(), command.theme(), command.words()));
    }

    @CommandHandler
    public void handle(ChangeFactor command, Codes codes) {
        requireOpen();
        requirePresent("factor", command.factorId(), factors);
        codes.theme(command.theme());
        apply(new FactorChanged(journeyId, command.factorId(), command.theme(), command.words()));
    }

    @CommandHandler
    public void handle(RemoveFactor command) {
        requireOpen();
        requirePresent("factor", command.factorId(), factors);
        removeRelationshipsOf(command.factorId());
        apply(new FactorRemoved(journeyId, command.factorId()));
    }

    @CommandHandler
    public void handle(Relate command) {
        requireOpen();
        requireNew("relationship", command.relationshipId(), relationships.containsKey(command.relationshipId()));
        requireEnds(command.from(), command.to());
        apply(new Related(journeyId, command.relationshipId(), command.from(), command.to(), command.nature()));
    }

    @CommandHandler
    public void handle(ChangeRelationship command) {
        requireOpen();
        requirePresent("relationship", command.relationshipId(), relationships.keySet());
        requireEnds(command.from(), command.to());
        apply(new RelationshipChanged(journeyId, command.relationshipId(), command.from(), command.to(),
                command.nature()));
    }

    @CommandHandler
    public void handle(RemoveRelationship command) {
        requireOpen();
        requirePresent("relationship", command.relationshipId(), relationships.keySet());
        apply(new RelationshipRemoved(journeyId, command.relationshipId()));
    }

    @CommandHandler
    public void handle(RecordConversation command) {
        requireOpen();
        requireNew("conversation", command.conversationId(), conversations.contains(command.conversationId()));
        apply(new ConversationRecorded(journeyId, command.conversationId(), command.heldOn(), command.note()));
    }

    @CommandHandler
    public void handle(StartExperiment command, Codes codes) {
        requireOpen();
        requireNew("experiment", command.experimentId(), experimentThemes.containsKey(command.experimentId()));
        if (command.theme() != null) {
            codes.theme(command.theme());
        }
        apply(new ExperimentStarted(journeyId, command.experimentId(), command.theme(), command.question(),
                command.actions(), command.dataToCollect(), command.safeToFail(), command.countermeasures()));
    }

    @CommandHandler
    public void handle(ConcludeExperiment command) {
        requireOpen();
        requirePresent("experiment", command.experimentId(), experimentThemes.keySet());
        if (concludedExperiments.contains(command.experimentId())) {
            throw new ExperimentAlreadyConcluded(command.experimentId());
        }
        apply(new ExperimentConcluded(journeyId, pseudonym, command.experimentId(),
                experimentThemes.get(command.experimentId()), command.outcome(), command.learning(),
                command.learningSummary()));
    }

    @CommandHandler
    public void handle(RecordContact command, Codes codes) {
        requireOpen();
        requireNew("contact", command.contactId(), contacts.contains(command.contactId()));
        codes.contactKind(command.kind());
        if (command.minutes() < 0) {
            throw new RefusedField("minutes", "must be 0 or more");
        }
        if (command.spendPence() < 0) {
            throw new RefusedField("spendPence", "must be 0 or more");
        }
        apply(new ContactRecorded(journeyId, pseudonym, command.contactId(), command.kind(), command.on(),
                command.minutes(), command.spendPence(), command.spentOn()));
    }

    @CommandHandler
    public void handle(ScoreSoftMeasure command, Codes codes) {
        requireOpen();
        requireNew("soft measure", command.measureId(), softMeasures.contains(command.measureId()));
        codes.softMeasureDimension(command.dimension());
        if (command.score() < 1 || command.score() > 10) {
            throw new RefusedField("score", "must be from 1 to 10");
        }
        apply(new SoftMeasureScored(journeyId, pseudonym, command.measureId(), command.dimension(), command.score(),
                command.scoredOn()));
    }

    @CommandHandler
    public void handle(CloseJourney command) {
        requireOpen();
        apply(new JourneyClosed(journeyId, pseudonym, command.inTheirWords()));
    }

    private void requireOpen() {
        if (closed) {
            throw new JourneyIsClosed(journeyId);
        }
    }

    private static void requireNew(String what, String id, boolean known) {
        if (known) {
            throw new AlreadyRecorded(what, id);
        }
    }

    private static void requirePresent(String what, String id, Set<String> present) {
        if (!present.contains(id)) {
            throw new NotOnThisJourney(what, id);
        }
    }

    private void requireEnds(String from, String to) {
        if (!actors.contains(from) && !factors.contains(from)) {
            throw new RefusedField("from", "names no actor or factor on this journey");
        }
        if (!actors.contains(to) && !factors.contains(to)) {
            throw new RefusedField("to", "names no actor or factor on this journey");
        }
        if (from.equals(to)) {
            throw new RefusedField("to", "must differ from from: a relationship joins two parts of a life");
        }
    }

    private void removeRelationshipsOf(String node) {
        relationships.entrySet().stream()
                .filter(relationship -> relationship.getValue().contains(node))
                .map(Map.Entry::getKey)
                .sorted()
                .toList()
                .forEach(relationshipId -> apply(new RelationshipRemoved(journeyId, relationshipId)));
    }

    @EventSourcingHandler
    void on(JourneyOpened event) {
        journeyId = event.journeyId();
        pseudonym = event.pseudonym();
    }

    @EventSourcingHandler
    void on(BarrierRecorded event) {
        barriers.add(event.barrierId());
    }

    @EventSourcingHandler
    void on(ActorAdded event) {
        actors.add(event.actorId());
    }

    @EventSourcingHandler
    void on(ActorRemoved event) {
        actors.remove(event.actorId());
    }

    @EventSourcingHandler
    void on(FactorAdded event) {
        factors.add(event.factorId());
    }

    @EventSourcingHandler
    void on(FactorRemoved event) {
        factors.remove(event.factorId());
    }

    @EventSourcingHandler
    void on(Related event) {
        relationships.put(event.relationshipId(), List.of(event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(RelationshipChanged event) {
        relationships.put(event.relationshipId(), List.of(event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(RelationshipRemoved event) {
        relationships.remove(event.relationshipId());
    }

    @EventSourcingHandler
    void on(ConversationRecorded event) {
        conversations.add(event.conversationId());
    }

    @EventSourcingHandler
    void on(ExperimentStarted event) {
        experimentThemes.put(event.experimentId(), event.theme());
    }

    @EventSourcingHandler
    void on(ExperimentConcluded event) {
        concludedExperiments.add(event.experimentId());
    }

    @EventSourcingHandler
    void on(ContactRecorded event) {
        contacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(SoftMeasureScored event) {
        softMeasures.add(event.measureId());
    }

    @EventSourcingHandler
    void on(JourneyClosed event) {
        closed = true;
    }
}
