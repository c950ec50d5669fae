package org.bothy.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.bothy.devidentity.DevIssuer;
import org.bothy.devidentity.DevIssuerServer;

/**
 * The whole consortium on one machine: a KRaft broker and PostgreSQL, the development token issuer, every
 * service as its own JVM, and (for people) the demo receiver and story. Started in dependency order, stopped in
 * reverse; {@link #close()} leaves no process behind.
 */
public final class ConsortiumStack implements AutoCloseable {

    // generous: on a shared 2-core machine six Spring services have been seen to need five minutes
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);

    private final StackPlan plan;
    private final ServiceSizing sizing;
    private final PrintStream out;
    private final ChildRegistry children;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private OrphanGuard postgresGuard;
    private KafkaBroker kafka;
    private DevIssuer issuer;
    private DevIssuerServer issuerServer;
    private DemoReceiver receiver;
    private boolean closed;

    private ConsortiumStack(StackPlan plan, ServiceSizing sizing, PrintStream out) {
        this.plan = plan;
        this.sizing = sizing;
        this.out = out;
        this.children = new ChildRegistry(plan.home().childPids());
    }

    /** A stack for the plan, not yet started; {@link #close()} may be called at any time, even while it starts. */
    public static ConsortiumStack create(StackPlan plan, PrintStream out) {
        return create(plan, ServiceSizing.LOCAL, out);
    }

    /** As {@link #create(StackPlan, PrintStream)}, with the services sized as given rather than as the local stack's. */
    public static ConsortiumStack create(StackPlan plan, ServiceSizing sizing, PrintStream out) {
        return new ConsortiumStack(plan, sizing, out);
    }

    /**
     * Adds {@code properties} to the configuration of every service whose name starts with {@code service}
     * ({@code place}, {@code partner-} for every partner), over the stack's own; call before {@link #start()}.
     */
    public synchronized ConsortiumStack configure(String service, Map<String, String> properties) {
        overrides.computeIfAbsent(service, k -> new LinkedHashMap<>()).putAll(properties);
        return this;
    }

    private synchronized Map<String, String> overridden(String name, Map<String, String> properties) {
        overrides.forEach((service, added) -> {
            if (name.startsWith(service)) {
                properties.putAll(added);
            }
        });
        return properties;
    }

    /** Starts everything in the plan and waits until every service reports UP; on any failure stops what started. */
    public static ConsortiumStack start(StackPlan plan, PrintStream out) {
        return create(plan, out).start();
    }

    /** Starts everything and waits until every service reports UP; on any failure stops what started. */
    public ConsortiumStack start() {
        try {
            startAll();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Keeps a part that has just started, unless the stack is being stopped: then the part is stopped at once. */
    private synchronized <T extends AutoCloseable> T keep(T part) {
        if (closed) {
            quietly(part);
            throw new IllegalStateException("stopped while starting");
        }
        return part;
    }

    private void startAll() {
        DataHome home = plan.home().create();
        children.stopLeftovers().forEach(left -> out.println("Stopped a service left running by an earlier run: " + left));
        stopLeftoverPostgres(home);

        // the database and the broker start independently; together they take as long as the slower one
        CompletableFuture<LocalPostgres> database = CompletableFuture.supplyAsync(
                () -> LocalPostgres.start(home.postgres(), plan.ports().postgres(), home.log("postgres")));
        try {
            kafka = keep(KafkaBroker.start(home.kafkaLogs(), plan.ports().kafka(), plan.ports().controller()));
        } finally {
            postgres = keep(database.join());
        }
        LocalPostgres.postmaster(home.postgres())
                .ifPresent(pm -> postgresGuard = keep(OrphanGuard.watch(pm.pid(), "INT")));
        postgres.createDatabases(databases());

        issuer = DevIssuer.loadOrCreate(home.issuerKey(), plan.issuerUrl());
        issuerServer = keep(DevIssuerServer.start(issuer, plan.ports().issuer()));

        StackSecrets secrets = new StackSecrets(home.secrets());
        if (plan.demoReceiver()) {
            Map<String, String> bodySecrets = new LinkedHashMap<>();
            StackSecrets.STATUTORY_BODIES.forEach(body -> bodySecrets.put(body, secrets.webhookSecret(body)));
            receiver = keep(DemoReceiver.start(plan.ports().receiver(), bodySecrets, out));
        }

        // all at once: on two cores the JVMs share the CPU better than they would queue for it
        ClassDataSharing cds = plan.classDataSharing() ? new ClassDataSharing(home.root().resolve("cds")) : null;
        for (ServiceSpec spec : serviceSpecs(secrets)) {
            ServiceProcess process = keep(ServiceProcess.start(spec, home.log(spec.name()), cds, sizing.jvmOptions()));
            synchronized (this) {
                services.add(process);
            }
            children.record(spec.name(), process.handle());
        }
        awaitReady();
    }

    private static void stopLeftoverPostgres(DataHome home) {
        // a launcher killed with its guards leaves a postmaster behind; the lock says no launcher owns it now
        LocalPostgres.postmaster(home.postgres()).filter(ProcessHandle::isAlive)
                .filter(pm -> pm.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(pm -> {
                    pm.destroy();
                    pm.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }

    private List<String> databases() {
        List<String> names = new ArrayList<>();
        plan.partners().forEach(org -> names.add(StackPlan.partnerDatabase(org)));
        names.add("place");
        names.add("escalation");
        return names;
    }

    /** The services and their configuration, as docs/architecture.md lists the keys. */
    List<ServiceSpec> serviceSpecs(StackSecrets secrets) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (String org : plan.partners()) {
            Map<String, String> props = common(plan.ports().partner(org), StackPlan.partnerDatabase(org));
            props.put("bothy.organisation", org);
            props.put("spring.application.name", "partner-" + org);
            for (String other : plan.partners()) {
                if (!other.equals(org)) {
                    props.put("bothy.referral.partners." + other + ".public-key", secrets.referralKeys(other).publicKey());
                }
            }
            specs.add(new ServiceSpec("partner-" + org, plan.jar("partner-service"), plan.ports().partner(org),
                    overridden("partner-" + org, props),
                    Map.of("bothy.pseudonym-key", secrets.pseudonymKey(),
                            "bothy.referral.private-key", secrets.referralKeys(org).privateKey())));
        }
        Map<String, String> place = common(plan.ports().place(), "place");
        place.put("spring.application.name", "place");
        specs.add(new ServiceSpec("place", plan.jar("place-service"), plan.ports().place(), overridden("place", place),
                Map.of()));

        Map<String, String> escalation = common(plan.ports().escalation(), "escalation");
        escalation.put("spring.application.name", "escalation");
        escalation.put("bothy.escalation.rule.min-people", String.valueOf(plan.rule().minPeople()));
        escalation.put("bothy.escalation.rule.min-organisations", String.valueOf(plan.rule().minOrganisations()));
        escalation.put("bothy.escalation.rule.window-days", String.valueOf(plan.rule().windowDays()));
        Map<String, String> webhookSecrets = new LinkedHashMap<>();
        for (String body : StackSecrets.STATUTORY_BODIES) {
            escalation.put("bothy.escalation.bodies." + body + ".webhook-url", plan.webhookBaseUrl() + body);
            webhookSecrets.put("bothy.escalation.bodies." + body + ".webhook-secret", secrets.webhookSecret(body));
        }
        specs.add(new ServiceSpec("escalation", plan.jar("escalation-service"), plan.ports().escalation(),
                overridden("escalation", escalation), webhookSecrets));
        return specs;
    }

    private Map<String, String> common(int port, String database) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", String.valueOf(port));
        props.put("spring.datasource.url", postgres.jdbcUrl(database));
        props.put("spring.datasource.username", LocalPostgres.USER);
        props.put("spring.datasource.password", "");
        props.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuerServer.jwksUri().toString());
        // LOCAL: a small pool per service, since six services share one local PostgreSQL
        props.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(sizing.poolSize()));
        props.put("spring.datasource.hikari.minimum-idle", "1");
        return props;
    }

    private void awaitReady() {
        JsonHttp http = new JsonHttp();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.spec().name() + " stopped while starting; see "
                            + service.log() + "\n" + tail(service.log(), 30));
                }
                if (http.isUp(service.spec().baseUrl())) {
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.spec().name() + " (" + s.log() + ")").toList());
            }
            if (isClosed()) {
                throw new IllegalStateException("stopped while starting");
            }
            if (!waiting.isEmpty()) {
                sleep(500);
            }
        }
    }

    /** Tells the demo story unless this data folder has heard it; returns whether it did. */
    public boolean loadDemoDataOnce() {
        return new DemoStory(new JsonHttp(), issuer, plan::partnerUrl, out)
                .tellOnce(plan.home().demoLoadedMarker(), plan.partners());
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    public StackPlan plan() {
        return plan;
    }

    public DevIssuer issuer() {
        return issuer;
    }

    public Optional<DemoReceiver> receiver() {
        return Optional.ofNullable(receiver);
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Each service's process by the service's name ({@code partner-fresh-start}, {@code place}, ...). */
    public synchronized Map<String, ProcessHandle> serviceProcesses() {
        Map<String, ProcessHandle> all = new LinkedHashMap<>();
        services.forEach(s -> all.put(s.spec().name(), s.handle()));
        return all;
    }

    /** Every process this stack runs outside the launcher's JVM (services, PostgreSQL) and their descendants. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        services.forEach(s -> all.add(s.handle()));
        LocalPostgres.postmaster(plan.home().postgres()).ifPresent(pm -> {
            all.add(pm);
            pm.descendants().forEach(all::add);
        });
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Stops the services (gracefully, then by force), then the receiver, issuer, broker and database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> services = List.copyOf(this.services);
        services.forEach(ServiceProcess::requestStop);
        services.forEach(s -> s.awaitStop(30));
        quietly(receiver);
        quietly(issuerServer);
        quietly(kafka);
        quietly(postgresGuard);
        quietly(postgres);
        children.clear();
    }

    private void quietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            out.println("While stopping " + part.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String tail(Path log, int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}
