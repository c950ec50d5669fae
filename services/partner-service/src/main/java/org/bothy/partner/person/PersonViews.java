package org.bothy.partner.person;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a person from their own events, opening their details with their key while it exists. */
@Component
public class PersonViews {

    private final EventStore eventStore;
    private final SealedDetails sealed;
    private final Clock clock = Clock.systemUTC();

    public PersonViews(EventStore eventStore, SealedDetails sealed) {
        this.eventStore = eventStore;
        this.sealed = sealed;
    }

    /** The person's history, or empty if nobody has this id. */
    public Optional<PersonHistory> history(String personId) {
        PersonHistory history = new PersonHistory();
        eventStore.readEvents(personId).forEachRemaining(event -> history.apply(event.getPayload(),
                event.getTimestamp()));
        return history.exists() ? Optional.of(history) : Optional.empty();
    }

    /** The person as a worker sees them, or empty if nobody has this id. */
    public Optional<PersonView> find(String personId) {
        return history(personId).map(this::view);
    }

    private PersonView view(PersonHistory history) {
        if (history.erasedAt() != null) {
            return PersonView.erased(history.personId());
        }
        Optional<IdentifyingDetails> details = sealed.open(history.personId(), history.sealedDetails());
        if (details.isEmpty()) {
            // the key is gone: whatever the events say, nothing about the person can be shown
            return PersonView.erased(history.personId());
        }
        IdentifyingDetails d = details.get();
        return new PersonView(history.personId(), false, history.pseudonym(), d.fullName(), d.dateOfBirth(),
                d.contact(), history.registeredAt(), history.consents(clock.instant()));
    }
}
