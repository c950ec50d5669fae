package org.bothy.partner.spend;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.kernel.contract.learning.Lm3Reported;

/**
 * A funded project and its local spend: it predicts its LM3 from the planned figures when it starts, keeps its spend
 * lines, and works out the actual LM3 from the local ones and the re-spend survey when it finishes.
 */
@Aggregate
public class Project {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String projectId;
    private String name;
    private long incomePence;
    private long localSpendPence;
    private Respend surveyed;
    private boolean finished;
    private final Set<String> lines = new HashSet<>();

    protected Project() {
        // for Axon, which rebuilds a project from its events
    }

    @CommandHandler
    public Project(StartProject command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidSpendFigure("name", "must not be blank");
        }
        if (command.incomePence() <= 0) {
            throw new InvalidSpendFigure("incomePence", "must be more than 0: LM3 is divided by the income");
        }
        if (command.plannedLocalSpendPence() < 0) {
            throw new InvalidSpendFigure("plannedLocalSpendPence", "must be 0 or more");
        }
        check(command.plannedRespend(), "plannedRespend");
        long r3 = command.plannedRespend().ofLocalSpend(command.plannedLocalSpendPence());
        if (r3 > command.plannedLocalSpendPence()) {
            throw new InvalidSpendFigure("plannedRespend.pence", "must not be more than the planned local spend");
        }
        apply(new ProjectStarted(command.projectId(), command.name(), command.incomePence(),
                command.plannedLocalSpendPence(), command.plannedRespend()));
        apply(lm3(command.projectId(), command.name(), Lm3Basis.PREDICTED, command.incomePence(),
                command.plannedLocalSpendPence(), r3));
    }

    @CommandHandler
    public void handle(RecordSpend command) {
        refuseIfFinished();
        if (command.supplier() == null || command.supplier().isBlank()) {
            throw new InvalidSpendFigure("supplier", "must not be blank");
        }
        if (command.amountPence() <= 0) {
            throw new InvalidSpendFigure("amountPence", "must be more than 0");
        }
        if (lines.contains(command.lineId())) {
            return;
        }
        apply(new SpendRecorded(projectId, command.lineId(), command.supplier(), command.amountPence(),
                command.local()));
    }

    @CommandHandler
    public void handle(RecordRespendSurvey command) {
        refuseIfFinished();
        // the survey's body is the re-spend itself: its fields are percent and pence
        check(command.respend(), "");
        apply(new RespendSurveyed(projectId, command.respend()));
    }

    @CommandHandler
    public void handle(FinishProject command) {
        refuseIfFinished();
        if (surveyed == null) {
            throw new NoRespendSurvey(projectId);
        }
        long r3 = surveyed.ofLocalSpend(localSpendPence);
        if (r3 > localSpendPence) {
            throw new RespendAboveLocalSpend(projectId);
        }
        apply(new ProjectFinished(projectId));
        apply(lm3(projectId, name, Lm3Basis.ACTUAL, incomePence, localSpendPence, r3));
    }

    private void refuseIfFinished() {
        if (finished) {
            throw new ProjectIsFinished(projectId);
        }
    }

    private static Lm3Calculated lm3(String projectId, String name, Lm3Basis basis, long r1, long r2, long r3) {
        // the consortium's one formula, as the contract defines it: (R1 + R2 + R3) / R1, 2 dp, half up
        return new Lm3Calculated(projectId, name, basis, r1, r2, r3, Lm3Reported.lm3(r1, r2, r3));
    }

    private static void check(Respend respend, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (respend == null || (respend.percent() == null) == (respend.pence() == null)) {
            throw new InvalidSpendFigure(field.isEmpty() ? "percent" : field,
                    "must give either percent or pence, not both");
        }
        if (respend.percent() != null
                && (respend.percent().signum() < 0 || respend.percent().compareTo(HUNDRED) > 0)) {
            throw new InvalidSpendFigure(prefix + "percent", "must be from 0 to 100");
        }
        if (respend.pence() != null && respend.pence() < 0) {
            throw new InvalidSpendFigure(prefix + "pence", "must be 0 or more");
        }
    }

    @EventSourcingHandler
    void on(ProjectStarted event) {
        projectId = event.projectId();
        name = event.name();
        incomePence = event.incomePence();
    }

    @EventSourcingHandler
    void on(SpendRecorded event) {
        lines.add(event.lineId());
        if (event.local()) {
            localSpendPence += event.amountPence();
        }
    }

    @EventSourcingHandler
    void on(RespendSurveyed event) {
        surveyed = event.respend();
    }

    @EventSourcingHandler
    void on(ProjectFinished event) {
        finished = true;
    }
}
