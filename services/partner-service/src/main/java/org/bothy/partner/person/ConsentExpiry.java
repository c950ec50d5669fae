package org.bothy.partner.person;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notices consents that have passed their expiry and records it on the person, so that an expired consent ends
 * like a revoked one (and the consortium hears that it is withdrawn, once). The publisher's gate does not wait for
 * this: it refuses an expired consent at once.
 */
@Component
public class ConsentExpiry {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);

    private final PersonRecords records;
    private final CommandGateway commands;

    public ConsentExpiry(PersonRecords records, CommandGateway commands) {
        this.records = records;
        this.commands = commands;
    }

    /** Notes every consent found expired now (every {@code bothy.consent.expiry-check-ms}, see PersonConfiguration). */
    public void noticeExpiredConsents() {
        Instant now = Instant.now();
        for (PersonRecords.ScopedConsent consent : records.expiredButInForce(now)) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping: the next start's sweep finds the rest
            }
            try {
                commands.sendAndWait(new NoteConsentExpired(consent.personId(), consent.scope(), now));
            } catch (RuntimeException e) {
                // ids only: the next sweep tries again
                log.warn("could not note the expiry of consent {} of person {}: {}", consent.scope(),
                        consent.personId(), e.getClass().getSimpleName());
            }
        }
    }
}
