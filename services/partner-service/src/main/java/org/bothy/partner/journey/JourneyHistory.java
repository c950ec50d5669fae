package org.bothy.partner.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bothy.partner.journey.contact.ContactRecorded;
import org.bothy.partner.journey.contact.CostOfSupport;
import org.bothy.partner.journey.conversation.ConversationRecorded;
import org.bothy.partner.journey.experiment.ExperimentConcluded;
import org.bothy.partner.journey.experiment.ExperimentStarted;
import org.bothy.partner.journey.matters.WhatMattersRecorded;
import org.bothy.partner.journey.measure.SoftMeasureScored;
import org.bothy.partner.journey.system.LifeAsASystem;

/** Folds a journey's events, in order, into the view a worker reads; plain code, no framework. */
public final class JourneyHistory {

    private String journeyId;
    private String pseudonym;
    private String door;
    private Instant openedAt;
    private Instant closedAt;
    private String closingWords;
    private String whatMatters;
    private long version = -1;
    private final List<JourneyView.Barrier> barriers = new ArrayList<>();
    private final LifeAsASystem system = new LifeAsASystem();
    private final List<JourneyView.Conversation> conversations = new ArrayList<>();
    private final Map<String, JourneyView.Experiment> experiments = new LinkedHashMap<>();
    private final List<ContactRecorded> contactEvents = new ArrayList<>();
    private final List<JourneyView.Contact> contacts = new ArrayList<>();
    private final List<JourneyView.SoftMeasure> softMeasures = new ArrayList<>();

    /** Applies one stored event and the time it was stored; events this view does not show are ignored. */
    public JourneyHistory apply(Object event, Instant at) {
        version++;
        system.apply(event);
        if (event instanceof JourneyOpened opened) {
            journeyId = opened.journeyId();
            pseudonym = opened.pseudonym();
            door = opened.door();
            openedAt = at;
        } else if (event instanceof BarrierRecorded recorded) {
            barriers.add(new JourneyView.Barrier(recorded.barrierId(), recorded.theme(), recorded.systemActor(),
                    recorded.level(), recorded.note(), at, recorded.observedOn()));
        } else if (event instanceof WhatMattersRecorded matters) {
            whatMatters = matters.inTheirWords();
        } else if (event instanceof ConversationRecorded conversation) {
            conversations.add(new JourneyView.Conversation(conversation.conversationId(), conversation.heldOn(),
                    conversation.note(), at));
        } else if (event instanceof ExperimentStarted started) {
            experiments.put(started.experimentId(), new JourneyView.Experiment(started.experimentId(),
                    started.theme(), started.question(), started.actions(), started.dataToCollect(),
                    started.safeToFail(), started.countermeasures(), at, null, null, null, null));
        } else if (event instanceof ExperimentConcluded concluded) {
            experiments.computeIfPresent(concluded.experimentId(), (id, e) -> new JourneyView.Experiment(id,
                    e.theme(), e.question(), e.actions(), e.dataToCollect(), e.safeToFail(), e.countermeasures(),
                    e.startedAt(), concluded.outcome(), concluded.learning(), concluded.learningSummary(), at));
        } else if (event instanceof ContactRecorded contact) {
            contactEvents.add(contact);
            contacts.add(new JourneyView.Contact(contact.contactId(), contact.kind(), contact.on(),
                    contact.minutes(), contact.spendPence(), contact.spentOn(), at));
        } else if (event instanceof SoftMeasureScored scored) {
            softMeasures.add(new JourneyView.SoftMeasure(scored.measureId(), scored.dimension(), scored.score(),
                    scored.scoredOn(), at));
        } else if (event instanceof JourneyClosed closed) {
            closedAt = at;
            closingWords = closed.inTheirWords();
        }
        return this;
    }

    /** The journey so far, or empty if it was never opened. */
    public Optional<JourneyView> view() {
        if (journeyId == null) {
            return Optional.empty();
        }
        return Optional.of(new JourneyView(journeyId, pseudonym, door, openedAt,
                closedAt == null ? "OPEN" : "CLOSED", closedAt, List.copyOf(barriers), version, whatMatters,
                system.graph(), List.copyOf(conversations), List.copyOf(experiments.values()),
                List.copyOf(contacts), List.copyOf(softMeasures), closingWords, CostOfSupport.of(contactEvents)));
    }
}
