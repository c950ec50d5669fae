package org.bothy.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For tests that a service stops promptly while a broker it waits on is gone: an address where nothing listens, the
 * service's thread caught waiting there, and a close that must end within a bound.
 */
public final class StuckService {

    private StuckService() {
    }

    /** An address where no broker is, nor anything else: a Kafka producer waits for it until its own timeouts. */
    public static String nobodyListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }

    /**
     * The live thread that {@code which} picks (by itself or its stack) while it waits for a broker's metadata; null
     * while there is none.
     */
    public static Thread waitingForTheBroker(BiPredicate<Thread, StackTraceElement[]> which) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> which.test(thread.getKey(), thread.getValue()))
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getMethodName().equals("waitOnMetadata")))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** Closes {@code service} on a thread of its own and answers whether the close ended within {@code millis}. */
    public static boolean closesWithin(ConfigurableApplicationContext service, long millis) throws InterruptedException {
        Thread closer = new Thread(service::close, "test-close");
        closer.start();
        closer.join(millis);
        return !closer.isAlive();
    }
}
