package org.bothy.partner.publishing;

import java.time.Instant;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.PersonErased;

/**
 * Translates the end of a person's share consent, and their erasure, into the contracts that tell the consortium
 * to drop what this partner shared about them. Both carry the pseudonym only.
 */
public final class ConsentTranslation {

    private final String organisation;

    public ConsentTranslation(String organisation) {
        this.organisation = organisation;
    }

    /** The contract for a share consent that was revoked or expired. */
    public ConsentWithdrawn consentWithdrawn(String eventId, Instant occurredAt, String pseudonym) {
        return new ConsentWithdrawn(eventId, occurredAt, organisation, pseudonym);
    }

    /** The contract for a person who was erased. */
    public PersonErased personErased(String eventId, Instant occurredAt, String pseudonym) {
        return new PersonErased(eventId, occurredAt, organisation, pseudonym);
    }
}
