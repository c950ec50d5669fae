package org.bothy.devidentity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link DevIssuer}'s keys (JWKS and OpenID discovery) on the loopback interface, and mints tokens on
 * request, for local development only.
 */
public final class DevIssuerServer implements AutoCloseable {

    static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private final DevIssuer issuer;
    private final HttpServer server;
    private final ExecutorService executor;

    private DevIssuerServer(DevIssuer issuer, HttpServer server, ExecutorService executor) {
        this.issuer = issuer;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1 at {@code port} (0 picks a free port). */
    public static DevIssuerServer start(DevIssuer issuer, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dev-issuer-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        DevIssuerServer devServer = new DevIssuerServer(issuer, server, executor);
        server.createContext("/.well-known/jwks.json", devServer::jwks);
        server.createContext("/.well-known/openid-configuration", devServer::discovery);
        server.createContext("/token", devServer::token);
        server.start();
        return devServer;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the public keys are served; what a service sets as {@code jwk-set-uri}. */
    public URI jwksUri() {
        return URI.create(baseUri() + "/.well-known/jwks.json");
    }

    /** The server's base address, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        if (!allow(exchange, "GET")) {
            return;
        }
        respond(exchange, 200, "application/json", issuer.jwksJson());
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (!allow(exchange, "GET")) {
            return;
        }
        String json = "{\"issuer\":\"" + issuer.issuer() + "\","
                + "\"jwks_uri\":\"" + jwksUri() + "\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"response_types_supported\":[\"token\"]}";
        respond(exchange, 200, "application/json", json);
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!allow(exchange, "POST")) {
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            String roleName = query.get("role");
            if (roleName == null) {
                throw new IllegalArgumentException("role is required: worker, lead, place-lead, statutory, admin");
            }
            DevRole role = DevRole.fromClaimValue(roleName);
            String scope = role.needsOrganisation() ? query.get("org") : role.needsBody() ? query.get("body") : null;
            String subject = query.getOrDefault("subject", "dev-" + role.claimValue());
            Duration ttl = query.containsKey("ttl") ? Duration.parse(query.get("ttl")) : DEFAULT_TTL;
            respond(exchange, 200, "text/plain", issuer.mint(role, scope, subject, ttl));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            respond(exchange, 400, "text/plain", e.getMessage());
        }
    }

    private static boolean allow(HttpExchange exchange, String method) throws IOException {
        if (method.equalsIgnoreCase(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().add("Allow", method);
        respond(exchange, 405, "text/plain", "use " + method);
        return false;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
