package org.bothy.partner.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Someone this organisation supports. Event-sourced like the journeys, so that consent and erasure reach the
 * publisher through the same outbox, in order; crypto-shredding keeps that safe: the events carry the identifying
 * details only sealed under the person's own key (see {@link DetailsCipher}), and erasure destroys the key.
 */
@Aggregate
public class Person {

    @AggregateIdentifier
    private String personId;
    private String pseudonym;
    private boolean erased;
    /** Consents in force by scope, with their expiry (null when open-ended). */
    private final Map<String, Instant> consentsInForce = new HashMap<>();

    protected Person() {
        // for Axon, which rebuilds a person from their events
    }

    @CommandHandler
    public Person(RegisterPerson command) {
        apply(new PersonRegistered(command.personId(), command.pseudonym(), command.sealedDetails()));
        for (String scope : command.consents()) {
            apply(new ConsentGiven(command.personId(), command.pseudonym(), scope, null));
        }
    }

    @CommandHandler
    public void handle(GiveConsent command) {
        refuseIfErased();
        // giving it again while it is in force renews it, e.g. with a new expiry
        apply(new ConsentGiven(personId, pseudonym, command.scope(), command.expiresAt()));
    }

    @CommandHandler
    public void handle(RevokeConsent command) {
        refuseIfErased();
        if (!consentsInForce.containsKey(command.scope())) {
            throw new NoActiveConsent(command.scope());
        }
        apply(new ConsentRevoked(personId, pseudonym, command.scope()));
    }

    @CommandHandler
    public void handle(NoteConsentExpired command) {
        if (erased || !consentsInForce.containsKey(command.scope())) {
            return;
        }
        Instant expiresAt = consentsInForce.get(command.scope());
        if (expiresAt != null && !expiresAt.isAfter(command.at())) {
            apply(new ConsentExpired(personId, pseudonym, command.scope(), expiresAt));
        }
    }

    @CommandHandler
    public void handle(ErasePerson command) {
        refuseIfErased();
        apply(new PersonErased(personId, pseudonym));
    }

    private void refuseIfErased() {
        if (erased) {
            throw new PersonIsErased(personId);
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        pseudonym = event.pseudonym();
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consentsInForce.put(event.scope(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(ConsentRevoked event) {
        consentsInForce.remove(event.scope());
    }

    @EventSourcingHandler
    void on(ConsentExpired event) {
        consentsInForce.remove(event.scope());
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        erased = true;
        consentsInForce.clear();
    }
}
