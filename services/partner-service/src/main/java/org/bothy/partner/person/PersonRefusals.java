package org.bothy.partner.person;

import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;

/** Says in HTTP terms why a person refused a command: unknown is 404; erased, or no such consent, is 409. */
@Component
public class PersonRefusals {

    /** Runs {@code dispatch}, translating the person's refusals. */
    public <T> T translate(Supplier<T> dispatch) {
        try {
            return dispatch.get();
        } catch (AggregateNotFoundException e) {
            throw noSuchPerson(String.valueOf(e.getAggregateIdentifier()));
        } catch (PersonIsErased | NoActiveConsent e) {
            throw new Conflict(e.getMessage());
        }
    }

    /** The answer when no person has this id. */
    public NotFound noSuchPerson(String personId) {
        return new NotFound("no person " + personId);
    }
}
