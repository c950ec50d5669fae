package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ports every part of the local stack listens on; fixed for people, free ones for tests. */
public record Ports(int issuer, int kafka, int controller, int postgres, Map<String, Integer> partners,
                   int place, int escalation, int receiver) {

    /** The ports docs/architecture.md publishes. */
    public static Ports standard() {
        Map<String, Integer> partners = new LinkedHashMap<>();
        partners.put("fresh-start", 8081);
        partners.put("move-on", 8082);
        partners.put("north-edinburgh-arts", 8083);
        partners.put("spartans", 8084);
        return new Ports(9000, 9092, 9093, 15432, Collections.unmodifiableMap(partners), 8090, 8091, 8099);
    }

    /** Ports nobody listens on right now, for the given partner organisations (tests run beside a live stack). */
    public static Ports free(List<String> organisations) {
        Map<String, Integer> partners = new LinkedHashMap<>();
        organisations.forEach(org -> partners.put(org, freePort()));
        return new Ports(freePort(), freePort(), freePort(), freePort(), Collections.unmodifiableMap(partners),
                freePort(), freePort(), freePort());
    }

    public int partner(String organisation) {
        Integer port = partners.get(organisation);
        if (port == null) {
            throw new IllegalArgumentException("no port for organisation '" + organisation + "'");
        }
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
