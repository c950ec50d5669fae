package org.bothy.kernel.contract.evidence;

import java.time.Instant;
import java.util.List;

/** The current counts for one theme and system actor across the place, published on every change (the topic is compacted by pattern key). */
public record EvidenceSignal(
        String eventId,
        Instant occurredAt,
        String patternKey,
        String theme,
        String systemActor,
        int people,
        int organisations,
        List<WindowCount> windows,
        Instant firstSeen,
        Instant lastSeen) implements EvidenceEvent {

    public EvidenceSignal {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** The key of a pattern, {@code theme:systemActor}; also the Kafka key and ce_subject. */
    public static String patternKey(String theme, String systemActor) {
        return theme + ":" + systemActor;
    }

    @Override
    public String subject() {
        return patternKey;
    }
}
