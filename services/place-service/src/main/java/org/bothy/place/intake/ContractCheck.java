package org.bothy.place.intake;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the place demands of a learning event beyond its schema: the codes it counts by must be the consortium's
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
    public Optional<String> reasonToRefuse(LearningEvent event) {
        if (event instanceof BarrierObserved barrier) {
            try {
                codes.theme(barrier.theme());
                codes.systemActor(barrier.systemActor());
                codes.level(barrier.level());
            } catch (UnknownCodeException unknown) {
                return Optional.of(unknown.getMessage());
            }
        }
        return Optional.empty();
    }
}
