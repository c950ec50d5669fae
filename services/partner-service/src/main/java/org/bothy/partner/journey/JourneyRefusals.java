package org.bothy.partner.journey;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * Says in HTTP terms why a journey refused a command. An unknown code passes through as it is: the problem handler
 * answers 400 against its kind (theme, systemActor, level), which is the request field, with the valid codes.
 * An unknown journey is 404, a closed journey or a repeated barrier is a conflict with what is already recorded (409).
 */
@Component
public class JourneyRefusals {

    /** Runs {@code dispatch}, translating the journey's refusals. */
    public void translate(Runnable dispatch) {
        try {
            dispatch.run();
        } catch (AggregateNotFoundException e) {
            throw noSuchJourney(String.valueOf(e.getAggregateIdentifier()));
        } catch (JourneyIsClosed | BarrierAlreadyRecorded e) {
            throw new Conflict(e.getMessage());
        }
    }

    /** The answer when no journey has this id. */
    public NotFound noSuchJourney(String journeyId) {
        return new NotFound("no journey " + journeyId);
    }
}
