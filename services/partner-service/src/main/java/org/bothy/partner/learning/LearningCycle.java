package org.bothy.partner.learning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.kernel.codes.Codes;

/**
 * A learning cycle at one scale (person, team, organisation, consortium, place): it keeps its plan, how it is
 * managed, what it has learnt and its governing reviews, and decides what it shares with other scales (see
 * {@link OtherScales}).
 */
@Aggregate
public class LearningCycle {

    @AggregateIdentifier
    private String cycleId;
    private String scale;
    private CyclePlan plan;
    private CycleManaging managing;
    private CycleLearning learning;
    private long sharedRevision;
    private final Set<String> reviews = new HashSet<>();

    protected LearningCycle() {
        // for Axon, which rebuilds a cycle from its events
    }

    @CommandHandler
    public LearningCycle(StartLearningCycle command, Codes codes) {
        // throws UnknownCodeException naming the scale and the valid ones
        codes.learningCycleScale(command.scale());
        checkPlan(command.plan());
        CycleManaging managed = command.managing() == null ? CycleManaging.none() : command.managing();
        checkConnections(command.cycleId(), managed);
        apply(new LearningCycleStarted(command.cycleId(), command.scale(), command.plan(), managed));
    }

    @CommandHandler
    public void handle(RevisePlan command) {
        checkPlan(command.plan());
        if (Objects.equals(plan, command.plan())) {
            return;
        }
        boolean questionChanged = !Objects.equals(plan.question(), command.plan().question());
        apply(new PlanRevised(cycleId, command.plan()));
        if (questionChanged) {
            shareIfMarked();
        }
    }

    @CommandHandler
    public void handle(ReviseManaging command) {
        CycleManaging revised = command.managing() == null ? CycleManaging.none() : command.managing();
        checkConnections(cycleId, revised);
        if (Objects.equals(managing, revised)) {
            return;
        }
        boolean connectionsChanged = !managing.connections().equals(revised.connections());
        apply(new ManagingRevised(cycleId, revised));
        if (connectionsChanged) {
            shareIfMarked();
        }
    }

    @CommandHandler
    public void handle(RecordLearning command) {
        OtherScales.check(command.learning());
        if (Objects.equals(learning, command.learning())) {
            return;
        }
        apply(new LearningRecorded(cycleId, command.learning()));
        shareIfMarked();
    }

    @CommandHandler
    public void handle(ReviewGovernance command) {
        if (command.reviewedOn() == null) {
            throw new InvalidLearningCycle("reviewedOn", "must be the date of the review");
        }
        if (reviews.contains(command.reviewId())) {
            return;
        }
        apply(new GovernanceReviewed(cycleId, command.reviewId(), command.reviewedOn(), command.lessonsLearnt(),
                command.practiceChanging(), command.whoIsIncluded()));
    }

    private void shareIfMarked() {
        if (OtherScales.shares(learning)) {
            apply(new LearningSharedAcrossScales(cycleId, sharedRevision + 1, scale, plan.question(),
                    learning.patterns(), learning.learningForOtherScales(), managing.connections()));
        }
    }

    private static void checkPlan(CyclePlan plan) {
        if (plan == null || plan.question() == null || plan.question().isBlank()) {
            throw new InvalidLearningCycle("plan.question", "must be written: a learning cycle asks a question");
        }
    }

    private static void checkConnections(String cycleId, CycleManaging managing) {
        if (managing.connections().contains(cycleId)) {
            throw new InvalidLearningCycle("managing.connections", "must name other cycles, not this one");
        }
    }

    @EventSourcingHandler
    void on(LearningCycleStarted event) {
        cycleId = event.cycleId();
        scale = event.scale();
        plan = event.plan();
        managing = event.managing();
    }

    @EventSourcingHandler
    void on(PlanRevised event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(ManagingRevised event) {
        managing = event.managing();
    }

    @EventSourcingHandler
    void on(LearningRecorded event) {
        learning = event.learning();
    }

    @EventSourcingHandler
    void on(GovernanceReviewed event) {
        reviews.add(event.reviewId());
    }

    @EventSourcingHandler
    void on(LearningSharedAcrossScales event) {
        sharedRevision = event.revision();
    }
}
