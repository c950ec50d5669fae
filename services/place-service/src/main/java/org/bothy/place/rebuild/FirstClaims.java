package org.bothy.place.rebuild;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The event ids a bulk rebuild has claimed, held in memory so that a repeat on the topics (a partner's publisher is at
 * least once) is found without an index on {@code applied_event} while the rows are appended. An id in the canonical
 * UUID form (as partners write them) costs 32 bytes; any other spelling is kept as it is written, so two spellings
 * are two ids, as they are to {@code applied_event}.
 */
final class FirstClaims {

    private static final long EMPTY = 0L;

    // Open addressing over pairs of longs (most, least significant bits); a pair of zeros marks a free slot, and the
    // one id that is all zeros is kept apart.
    private long[] slots = new long[2 * 1024];
    private int size;
    private boolean nilClaimed;
    private final Set<String> otherSpellings = new HashSet<>();

    /** Claims {@code eventId}; true only the first time it is seen. */
    boolean claim(String eventId) {
        UUID uuid = canonical(eventId);
        if (uuid == null) {
            return otherSpellings.add(eventId);
        }
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        if (most == EMPTY && least == EMPTY) {
            boolean first = !nilClaimed;
            nilClaimed = true;
            return first;
        }
        if ((size + 1) * 2 > slots.length / 2) {
            grow();
        }
        if (insert(slots, most, least)) {
            size++;
            return true;
        }
        return false;
    }

    /** Puts the pair in {@code table} unless it is there; true if it was not. */
    private static boolean insert(long[] table, long most, long least) {
        int mask = table.length / 2 - 1;
        int slot = Long.hashCode(most * 31 + least) * 0x9E3779B9 & mask;
        while (true) {
            long m = table[2 * slot];
            long l = table[2 * slot + 1];
            if (m == EMPTY && l == EMPTY) {
                table[2 * slot] = most;
                table[2 * slot + 1] = least;
                return true;
            }
            if (m == most && l == least) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY || old[i + 1] != EMPTY) {
                insert(slots, old[i], old[i + 1]);
            }
        }
    }

    private static UUID canonical(String eventId) {
        if (eventId.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(eventId);
            return uuid.toString().equals(eventId) ? uuid : null;
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }
}
