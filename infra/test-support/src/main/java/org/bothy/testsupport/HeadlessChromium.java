package org.bothy.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium for any service's browser tests, driven over the Chrome DevTools Protocol with the JDK's
 * own WebSocket client: one page, navigated, inspected with JavaScript and photographed. A fresh profile per instance;
 * {@link #close()} kills the browser and every process it started. (First written for the place dashboard; kept here
 * so that services share it without depending on each other's code.)
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser; {@code -Dbothy.chromium=...} points elsewhere. */
    public static final Path BINARY = Path.of(System.getProperty("bothy.chromium", "/usr/bin/chromium"));

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> logErrors = new CopyOnWriteArrayList<>();
    private final Process process;
    private final Path profile;
    private WebSocket socket;

    private HeadlessChromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** Starts Chromium with a fresh profile and attaches to its one page; fails, never skips, if Chromium is missing. */
    public static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Chromium is not installed at " + BINARY + ": the browser tests "
                    + "need Debian's package (apt-get install chromium; .ci/run installs it)");
        }
        Path profile = Files.createTempDirectory("bothy-chromium-");
        Process process = new ProcessBuilder(BINARY.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(logOf(profile).toFile())
                .start();
        HeadlessChromium chromium = new HeadlessChromium(process, profile);
        try {
            chromium.attach();
            chromium.call("Page.enable", Map.of());
            chromium.call("Runtime.enable", Map.of());
            chromium.call("Log.enable", Map.of());
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    private void attach() throws IOException, InterruptedException {
        // Chromium writes the port it chose, and the browser's path, to DevToolsActivePort once it listens.
        Path activePort = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(activePort) || Files.readAllLines(activePort).isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + " before listening");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Chromium did not open its DevTools port within " + START_TIMEOUT);
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String pageSocket = null;
        while (pageSocket == null) {
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : json.readTree(targets)) {
                if ("page".equals(target.path("type").asText())) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Chromium opened no page within " + START_TIMEOUT);
                }
                Thread.sleep(100);
            }
        }
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(pageSocket), new Listener()).join();
    }

    /** Calls a DevTools method and returns its result; a protocol error becomes an exception naming the method. */
    public JsonNode call(String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", json.valueToTree(params));
        try {
            socket.sendText(json.writeValueAsString(message), true).join();
            JsonNode reply = answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (Exception e) {
            throw e instanceof IllegalStateException illegal ? illegal
                    : new IllegalStateException(method + " failed: " + e.getMessage(), e);
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Opens {@code url} in the page and waits until its document has loaded. A URL that differs from the current one
     * only in its fragment does not reload the page: go to {@code about:blank} first for a fresh start.
     */
    public void navigate(String url) throws InterruptedException {
        JsonNode result = call("Page.navigate", Map.of("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("cannot open " + url + ": " + result.get("errorText").asText());
        }
        String page = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        waitUntil("document.readyState === 'complete' && location.href.startsWith('" + page + "')", CALL_TIMEOUT);
    }

    /** Runs {@code expression} in the page (awaiting a promise) and returns its value as JSON. */
    public JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until {@code condition} is true in the page, failing after {@code timeout} with what it was waiting for. */
    public void waitUntil(String condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        // A page still loading has no body yet: a condition that throws is simply not true yet.
        while (!evaluate("(() => { try { return Boolean(" + condition + "); } catch (e) { return false; } })()")
                .asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the page did not reach `" + condition + "` within " + timeout
                        + "; it shows: " + evaluate("document.body ? document.body.innerText.slice(0, 600) : ''")
                        + "; browser errors: " + logErrors);
            }
            Thread.sleep(100);
        }
    }

    /** Saves a PNG of the whole page (beyond the viewport) to {@code file}. */
    public void screenshot(Path file) throws IOException {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Errors the browser logged so far (failed loads, Content-Security-Policy refusals, uncaught exceptions). */
    public List<String> loggedErrors() {
        return List.copyOf(logErrors);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        // The Debian launcher is a shell script that does not exec: end the browser processes under it too.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // Best effort: a browser that outlives the test is reported by the OS, not hidden by a second failure.
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            Files.deleteIfExists(log());
        } catch (IOException e) {
            // A temp profile left behind is harmless.
        }
    }

    private static Path logOf(Path profile) {
        return profile.resolveSibling(profile.getFileName() + ".log");
    }

    private Path log() {
        return logOf(profile);
    }

    private void onMessage(String text) {
        try {
            JsonNode message = json.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            String method = message.path("method").asText();
            if ("Log.entryAdded".equals(method) && "error".equals(message.at("/params/entry/level").asText())) {
                logErrors.add(message.at("/params/entry/text").asText() + " " + message.at("/params/entry/url").asText());
            } else if ("Runtime.exceptionThrown".equals(method)) {
                logErrors.add(message.at("/params/exceptionDetails").toString());
            }
        } catch (IOException e) {
            logErrors.add("unreadable DevTools message: " + e.getMessage());
        }
    }

    /** Reassembles DevTools messages that arrive in parts (screenshots are large). */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String message = parts.toString();
                parts.setLength(0);
                onMessage(message);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Forgets the errors logged so far, so that a test sees only its own. */
    public void forgetLoggedErrors() {
        logErrors.clear();
    }
}
