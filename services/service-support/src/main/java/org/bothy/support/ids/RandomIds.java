package org.bothy.support.ids;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for ids of journeys, facts and messages, each thread drawing from a strong generator of
 * its own. {@link UUID#randomUUID()} draws every id through one lock shared by the whole JVM (the NativePRNG's), which
 * the partner benchmark showed as request threads queueing for seconds in all once the CPU was busy.
 */
public final class RandomIds {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomIds::newGenerator);

    private RandomIds() {
    }

    /** A new random UUID. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** A new random UUID as a string. */
    public static String next() {
        return uuid().toString();
    }

    private static SecureRandom newGenerator() {
        try {
            // a DRBG instance keeps its own state and lock, seeded once from the system's entropy
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
