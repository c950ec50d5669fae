package org.bothy.partner.publishing;

import java.time.Clock;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.partner.person.PersonRecords;
import org.springframework.stereotype.Component;

/**
 * The gate every person-level contract passes before it leaves: the person's {@code share-learning} consent must
 * be in force at publication time (not revoked, not expired, not erased), and the event must have happened under
 * it. What happened before consent was (re)given is never shared, not even later: a person consents to what is
 * shared from then on, not to their past.
 */
@Component
public class ShareConsent {

    private final PersonRecords people;
    private final Clock clock = Clock.systemUTC();

    public ShareConsent(PersonRecords people) {
        this.people = people;
    }

    /** Whether {@code contract} may be published now. */
    public boolean allows(LearningEvent contract) {
        return people.sharesLearning(contract.pseudonym(), contract.occurredAt(), clock.instant());
    }
}
