package org.bothy.partner.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Folds a learning cycle's events, oldest first, into the view its people read. */
final class LearningCycleHistory {

    private LearningCycleStarted started;
    private CyclePlan plan;
    private CycleManaging managing;
    private CycleLearning learning;
    private final List<LearningCycleView.Review> reviews = new ArrayList<>();
    private long sharedRevision;
    private Instant startedAt;
    private Instant updatedAt;

    /** Takes in the next event. */
    void apply(Object event, Instant at) {
        if (event instanceof LearningCycleStarted s) {
            started = s;
            plan = s.plan();
            managing = s.managing();
            startedAt = at;
        } else if (event instanceof PlanRevised revised) {
            plan = revised.plan();
        } else if (event instanceof ManagingRevised revised) {
            managing = revised.managing();
        } else if (event instanceof LearningRecorded recorded) {
            learning = recorded.learning();
        } else if (event instanceof GovernanceReviewed r) {
            reviews.add(new LearningCycleView.Review(r.reviewId(), r.reviewedOn(), r.lessonsLearnt(),
                    r.practiceChanging(), r.whoIsIncluded()));
        } else if (event instanceof LearningSharedAcrossScales shared) {
            sharedRevision = shared.revision();
        }
        updatedAt = at;
    }

    /** The view, or empty when no cycle was started. */
    Optional<LearningCycleView> view() {
        if (started == null) {
            return Optional.empty();
        }
        List<LearningCycleView.Review> byDate = reviews.stream()
                .sorted(Comparator.comparing(LearningCycleView.Review::reviewedOn)).toList();
        return Optional.of(new LearningCycleView(started.cycleId(), started.scale(), plan, managing, learning,
                byDate, sharedRevision, startedAt, updatedAt));
    }
}
