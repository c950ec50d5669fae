package org.bothy.partner.learning;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * Says in HTTP terms why a learning cycle refused a command: 400 against the field of the request that carried it,
 * 404 for an unknown cycle.
 */
@Component
public class LearningCycleRefusals {

    /**
     * Runs {@code dispatch}; {@code section} ({@code plan}, {@code managing} or null) is the part of a cycle the
     * request body holds on its own, so a field the cycle names inside it is reported as the body names it.
     */
    public void translate(String cycleId, String section, Runnable dispatch) {
        try {
            dispatch.run();
        } catch (AggregateNotFoundException e) {
            throw noSuchCycle(cycleId);
        } catch (UnknownCodeException e) {
            throw InvalidField.of("scale", e);
        } catch (InvalidLearningCycle e) {
            String field = section != null && e.field().startsWith(section + ".")
                    ? e.field().substring(section.length() + 1) : e.field();
            throw new InvalidField(field, e.reason());
        }
    }

    /** The answer when no cycle has this id. */
    public NotFound noSuchCycle(String cycleId) {
        return new NotFound("no learning cycle " + cycleId);
    }
}
