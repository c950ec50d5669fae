package org.bothy.partner.spend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds a project's events, oldest first, into the view its workers and leads read. */
final class ProjectHistory {

    private ProjectStarted started;
    private Instant startedAt;
    private Instant finishedAt;
    private final List<ProjectView.Line> spend = new ArrayList<>();
    private long localSpend;
    private Respend respend;
    private ProjectView.Lm3 predicted;
    private ProjectView.Lm3 actual;

    /** Takes in the next event. */
    void apply(Object event, Instant at) {
        if (event instanceof ProjectStarted s) {
            started = s;
            startedAt = at;
        } else if (event instanceof SpendRecorded line) {
            spend.add(new ProjectView.Line(line.lineId(), line.supplier(), line.amountPence(), line.local(), at));
            localSpend += line.local() ? line.amountPence() : 0;
        } else if (event instanceof RespendSurveyed surveyed) {
            respend = surveyed.respend();
        } else if (event instanceof ProjectFinished) {
            finishedAt = at;
        } else if (event instanceof Lm3Calculated lm3) {
            ProjectView.Lm3 figure = new ProjectView.Lm3(lm3.r1Pence(), lm3.r2Pence(), lm3.r3Pence(), lm3.lm3());
            if (lm3.basis() == Lm3Basis.PREDICTED) {
                predicted = figure;
            } else {
                actual = figure;
            }
        }
    }

    /** The view, or empty when no project was started. */
    Optional<ProjectView> view() {
        if (started == null) {
            return Optional.empty();
        }
        return Optional.of(new ProjectView(started.projectId(), started.name(),
                finishedAt == null ? "running" : "finished", started.incomePence(), started.plannedLocalSpendPence(),
                started.plannedRespend(), List.copyOf(spend), localSpend, respend, predicted, actual, startedAt,
                finishedAt));
    }
}
