package org.bothy.partner.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.partner.person.PersonRecords;
import org.springframework.stereotype.Component;

/**
 * The gate every person-level contract passes before it leaves: the person's {@code share-learning} consent must
 * be in force at publication time (not revoked, not expired, not erased), and the event must have happened under
 * it. What happened before consent was (re)given is never shared, not even later: a person consents to what is
 * shared from then on, not to their past.
 *
 * <p>Inside the publisher's batch the gate asks once, for every person the batch names, and answers the batch's
 * events from that: one statement per batch instead of one per event. "Publication time" is then when the batch
 * asked; a revocation is stored in the command's own transaction, so a batch that started before it commits may
 * still send what happened under the consent, exactly as an event sent a moment earlier would have been.
 */
@Component
public class ShareConsent {

    private static final String IN_FORCE = ShareConsent.class.getName() + ".inForce";
    /** Marks a person asked about who has no consent in force (a map holds no nulls): after every event. */
    private static final Instant NO_CONSENT = Instant.MAX;

    private final PersonRecords people;
    private final Clock clock = Clock.systemUTC();

    public ShareConsent(PersonRecords people) {
        this.people = people;
    }

    /** Whether {@code contract} may be published now. */
    public boolean allows(LearningEvent contract) {
        return allows(contract, message -> null);
    }

    /**
     * Whether {@code contract} may be published now; {@code pseudonymOf} names the person of each of the batch's
     * messages (null: none), so that the batch's people are asked about together.
     */
    boolean allows(LearningEvent contract, Function<Object, String> pseudonymOf) {
        if (!CurrentUnitOfWork.isStarted()) {
            return people.sharesLearning(contract.pseudonym(), contract.occurredAt(), clock.instant());
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Instant> known = batch.getOrComputeResource(IN_FORCE, key -> new ConcurrentHashMap<>());
        if (!known.containsKey(contract.pseudonym())) {
            Set<String> asked = new LinkedHashSet<>();
            asked.add(contract.pseudonym());
            if (batch instanceof BatchingUnitOfWork<?> batching) {
                for (Message<?> message : batching.getMessages()) {
                    String pseudonym = pseudonymOf.apply(message.getPayload());
                    if (pseudonym != null && !known.containsKey(pseudonym)) {
                        asked.add(pseudonym);
                    }
                }
            }
            Map<String, Instant> inForce = people.shareConsentsInForce(asked, clock.instant());
            asked.forEach(pseudonym -> known.put(pseudonym, inForce.getOrDefault(pseudonym, NO_CONSENT)));
        }
        return PersonRecords.sharesLearning(known.get(contract.pseudonym()), contract.occurredAt());
    }
}
