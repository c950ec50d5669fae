package org.bothy.place.intake;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the place demands of a partner event beyond its schema: the codes it counts by must be the consortium's
 * codes, or the counts would split one pattern into several. Organisations are not checked here, so that a new
 * partner's topic is read as soon as it appears.
 */
@Component
public class ContractCheck {

    private final Codes codes;

    public ContractCheck() {
        this(Codes.northEdinburgh());
    }

    ContractCheck(Codes codes) {
        this.codes = codes;
    }

    /** Why {@code event} must be refused, or empty if the place can project it. */
    public Optional<String> reasonToRefuse(ContractEvent event) {
        try {
            if (event instanceof BarrierObserved barrier) {
                codes.theme(barrier.theme());
                codes.systemActor(barrier.systemActor());
                codes.level(barrier.level());
            } else if (event instanceof ContactRecorded contact) {
                codes.contactKind(contact.kind());
            } else if (event instanceof SoftMeasureScored score) {
                codes.softMeasureDimension(score.dimension());
            } else if (event instanceof ExperimentConcluded experiment && experiment.theme() != null) {
                codes.theme(experiment.theme());
            } else if (event instanceof IssuePublished issue) {
                codes.level(issue.level());
                codes.issueStatus(issue.status());
                codes.owner(issue.owner());
                if (issue.themes() != null) {
                    issue.themes().forEach(codes::theme);
                }
                if (issue.systemActors() != null) {
                    issue.systemActors().forEach(codes::systemActor);
                }
            } else if (event instanceof LearningCyclePublished cycle) {
                codes.learningCycleScale(cycle.scale());
            } else if (event instanceof ReferralMade referral && referral.themes() != null) {
                referral.themes().forEach(codes::theme);
            }
        } catch (UnknownCodeException unknown) {
            return Optional.of(unknown.getMessage());
        }
        return Optional.empty();
    }
}
