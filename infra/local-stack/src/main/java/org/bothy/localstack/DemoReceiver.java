package org.bothy.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bothy.kernel.webhooks.WebhookSignature;

/**
 * Stands in for the statutory bodies' own systems on one machine: receives each body's escalation webhooks at
 * {@code POST /webhooks/<body>}, verifies the Standard Webhooks signature with that body's secret, says what
 * arrived, and lists the latest deliveries at {@code GET /webhooks}.
 */
public final class DemoReceiver implements AutoCloseable {

    /** One webhook as it arrived; {@code verified} says whether its signature held. */
    public record Delivery(Instant receivedAt, String body, String webhookId, boolean verified, JsonNode event) {
    }

    private static final int KEPT = 100;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> secrets;
    private final Clock clock;
    private final PrintStream out;
    private final Deque<Delivery> deliveries = new ArrayDeque<>();

    private DemoReceiver(HttpServer server, ExecutorService executor, Map<String, String> secrets, Clock clock,
                         PrintStream out) {
        this.server = server;
        this.executor = executor;
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
        this.out = out;
    }

    /** Listens on {@code port} for the bodies whose secrets are given (body code to {@code whsec_} secret). */
    public static DemoReceiver start(int port, Map<String, String> secrets, PrintStream out) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "demo-receiver");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            DemoReceiver receiver = new DemoReceiver(server, executor, secrets, Clock.systemUTC(), out);
            server.createContext("/webhooks", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on localhost:" + port + " for the demo receiver", e);
        }
    }

    /** Where the escalation service should post one body's webhooks. */
    public String urlFor(String body) {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/" + body;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The latest deliveries, oldest first. */
    public synchronized List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && ("/webhooks".equals(path) || "/webhooks/".equals(path))) {
                respond(exchange, 200, JSON.writeValueAsBytes(deliveries()));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith("/webhooks/")) {
                respond(exchange, 405, problem("use POST /webhooks/<body> or GET /webhooks"));
                return;
            }
            String body = path.substring("/webhooks/".length());
            String secret = secrets.get(body);
            if (secret == null) {
                respond(exchange, 404, problem("no statutory body '" + body + "' here"));
                return;
            }
            byte[] payload;
            try (InputStream in = exchange.getRequestBody()) {
                payload = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_ID);
            boolean verified = WebhookSignature.verify(secret, id,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_SIGNATURE),
                    payload, WebhookSignature.DEFAULT_TOLERANCE, clock);
            JsonNode event = parse(payload);
            record(new Delivery(clock.instant(), body, id, verified, event));
            if (!verified) {
                out.println("[receiver] " + body + ": REFUSED a webhook whose signature does not verify (id " + id + ")");
                respond(exchange, 401, problem("the webhook signature does not verify"));
                return;
            }
            JsonNode data = event.path("data");
            // v2 carries the people only after disclosure control ("<5"); a v1 sender's raw count is printed as sent
            JsonNode people = data.has("peopleShown") ? data.path("peopleShown") : data.path("people");
            out.printf("[receiver] %s: escalation %s verified - %s caused by %s, %s people across %s organisations: %s%n",
                    body, data.path("escalationId").asText("?"), data.path("theme").asText("?"),
                    data.path("systemActor").asText("?"), people.asText("?"),
                    data.path("organisations").asText("?"), data.path("question").asText(""));
            respond(exchange, 204, null);
        }
    }

    private synchronized void record(Delivery delivery) {
        deliveries.addLast(delivery);
        while (deliveries.size() > KEPT) {
            deliveries.removeFirst();
        }
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static byte[] problem(String detail) {
        return JSON.createObjectNode().put("title", "Demo receiver").put("detail", detail).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
