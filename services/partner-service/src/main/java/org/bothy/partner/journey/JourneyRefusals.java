package org.bothy.partner.journey;

import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.partner.journey.experiment.ExperimentAlreadyConcluded;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * Says in HTTP terms why a journey refused a command. An unknown code is 400 against the request field that carried
 * it, with the valid codes. An unknown journey, or a part it does not have, is 404; a closed journey or a repeated
 * record is a conflict with what is already recorded (409); a stale {@code If-Match} is 409 naming what changed.
 */
@Component
public class JourneyRefusals {

    private final JourneyViews views;

    public JourneyRefusals(JourneyViews views) {
        this.views = views;
    }

    /** Runs {@code dispatch}, translating the journey's refusals; codes are reported against their own kind. */
    public void translate(Runnable dispatch) {
        translate(dispatch, Map.of());
    }

    /**
     * Runs {@code dispatch}, translating the journey's refusals; an unknown code of a kind in {@code fieldsByKind}
     * is reported against the request field it maps to.
     */
    public void translate(Runnable dispatch, Map<String, String> fieldsByKind) {
        answer(() -> {
            dispatch.run();
            return null;
        }, fieldsByKind);
    }

    /** As {@link #translate(Runnable, Map)}, returning what {@code dispatch} answered. */
    public <T> T answer(Supplier<T> dispatch, Map<String, String> fieldsByKind) {
        try {
            return dispatch.get();
        } catch (AggregateNotFoundException e) {
            throw noSuchJourney(String.valueOf(e.getAggregateIdentifier()));
        } catch (ConflictingAggregateVersionException e) {
            String journeyId = String.valueOf(e.getAggregateIdentifier());
            throw new StaleJourney(journeyId, e.getExpectedVersion(), e.getActualVersion(),
                    views.recordedSince(journeyId, e.getExpectedVersion()));
        } catch (UnknownCodeException e) {
            String field = fieldsByKind.get(e.kind());
            throw field == null ? e : InvalidField.of(field, e);
        } catch (RefusedField e) {
            throw new InvalidField(e.field(), e.reason());
        } catch (NotOnThisJourney e) {
            throw new NotFound(e.getMessage());
        } catch (JourneyIsClosed | BarrierAlreadyRecorded | AlreadyRecorded | ExperimentAlreadyConcluded e) {
            throw new Conflict(e.getMessage());
        }
    }

    /** The answer when no journey has this id. */
    public NotFound noSuchJourney(String journeyId) {
        return new NotFound("no journey " + journeyId);
    }
}
