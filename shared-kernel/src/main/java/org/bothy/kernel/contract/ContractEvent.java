package org.bothy.kernel.contract;

import java.time.Instant;

/** A fact one bounded context publishes for others; every contract record implements this through its family's sealed interface. */
public interface ContractEvent {

    /** A UUID string; becomes ce_id, and consumers are idempotent on it. */
    String eventId();

    /** When the fact happened; becomes ce_time. */
    Instant occurredAt();

    /** What the fact is about; becomes ce_subject and the Kafka key, so one subject's events stay in order. */
    String subject();
}
