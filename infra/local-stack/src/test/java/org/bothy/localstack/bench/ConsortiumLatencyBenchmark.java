package org.bothy.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.bothy.devidentity.DevRole;
import org.bothy.kernel.codes.Codes;
import org.bothy.localstack.ConsortiumStack;
import org.bothy.localstack.DataHome;
import org.bothy.localstack.EscalationRule;
import org.bothy.localstack.JsonHttp;
import org.bothy.localstack.Ports;
import org.bothy.localstack.StackPlan;
import org.bothy.testsupport.PlaceWatch;

/**
 * A harness, not a test: the consortium end to end, partner command accepted -> visible in a place query. Starts the
 * local stack as the end-to-end test does (real PostgreSQL, real KRaft broker, every partner service, the place and
 * the escalation service, each its own JVM), enrols people as a worker would (untimed), then records barriers at a
 * paced rate on an open-loop schedule while a place lead's {@code GET /barriers} is read every few milliseconds.
 * Prints the offered and answered rates, the commands' latency, and the time from each 2xx answer to the first
 * query that shows the barrier. Asserts nothing. Run as docs/performance.md says.
 */
public final class ConsortiumLatencyBenchmark {

    private ConsortiumLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path data = Files.createTempDirectory("bothy-bench-");
        // the broker runs in this JVM: its log goes where the launcher's does, not between the figures
        Files.createDirectories(data.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", data.resolve("logs").resolve("launcher.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        List<String> partners = settings.partners();
        Ports ports = Ports.free(partners);
        StackPlan plan = new StackPlan(new DataHome(data), ports, settings.repository(), partners, EscalationRule.demo(),
                "http://localhost:" + ports.receiver() + "/webhooks/", true, false, false);
        System.out.printf("consortium latency benchmark: %d partners %s, %d barriers/s for %d s after a %d s warm-up; "
                + "services sized '%s' (pool %d, JVM %s); data in %s%n", partners.size(), partners, settings.rate(),
                settings.seconds(), settings.warmUpSeconds(), settings.sizing().name(), settings.sizing().poolSize(),
                String.join(" ", settings.sizing().jvmOptions()), data);
        long starting = System.nanoTime();
        ConsortiumStack stack = ConsortiumStack.create(plan, settings.sizing(), System.out);
        settings.serviceArgs().forEach((service, added) -> {
            if (!added.isEmpty()) {
                System.out.printf("services '%s*' also get %s%n", service, added);
                stack.configure(service, added);
            }
        });
        Thread stopper = new Thread(stack::close, "stop-the-stack");
        Runtime.getRuntime().addShutdownHook(stopper);
        boolean measured = false;
        try {
            stack.start();
            System.out.printf("stack ready in %.1f s%n", (System.nanoTime() - starting) / 1e9);
            measure(settings, stack);
            measured = true;
        } finally {
            stack.close();
            // a failed run keeps its logs for whoever reads why
            if (measured && !settings.keepData()) {
                deleteTree(data);
            } else {
                System.out.println("logs kept in " + data.resolve("logs"));
            }
        }
        System.exit(0);
    }

    private static void measure(BenchSettings settings, ConsortiumStack stack) throws Exception {
        StackPlan plan = stack.plan();
        List<String> partners = settings.partners();
        String bootstrap = "localhost:" + plan.ports().kafka();
        Duration ttl = Duration.ofHours(2);
        Map<String, String> workers = new HashMap<>();
        partners.forEach(org -> workers.put(org, stack.issuer().mint(DevRole.WORKER, org, "bench-worker@" + org, ttl)));
        String placeLead = stack.issuer().mint(DevRole.PLACE_LEAD, null, "bench-steward@place", ttl);

        int partitions = partners.stream().mapToInt(org -> TopicOrder.partitions(bootstrap, org)).max().orElseThrow();
        Codes codes = Codes.northEdinburgh();
        int most = BarrierPatterns.mostPerPartition(codes, partners.size(), partitions);
        int perPerson = settings.barriersPerPerson() == 0 ? most : Math.min(settings.barriersPerPerson(), most);
        BarrierPatterns patterns = new BarrierPatterns(codes, partners.size(), partitions, perPerson);

        long enrolling = System.nanoTime();
        int warmUpPeople = settings.peoplePerPartner(settings.warmUpCommands(), perPerson);
        int perPartner = warmUpPeople + settings.peoplePerPartner(settings.measuredCommands(), perPerson);
        System.out.printf("enrolling %,d people at each of %d partners (registered with share consent, a journey "
                + "opened; not timed); each meets %d barriers in a phase, one in each of %d patterns of its own "
                + "partner and partition%n", perPartner, partners.size(), perPerson, perPerson);
        Enrolment enrolment = new Enrolment();
        List<CompletableFuture<List<Enrolment.Person>>> enrolled = new ArrayList<>();
        for (String org : partners) {
            enrolled.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return enrolment.enrol(org, plan.partnerUrl(org), workers.get(org), perPartner, partitions,
                            settings.enrolConcurrency());
                } catch (Exception e) {
                    throw new IllegalStateException("enrolment at " + org + " failed", e);
                }
            }));
        }
        List<List<Enrolment.Person>> people = enrolled.stream().map(CompletableFuture::join).toList();
        double enrolSeconds = (System.nanoTime() - enrolling) / 1e9;
        System.out.printf("enrolled %,d people in %.1f s (%,.1f registrations/s)%n", perPartner * partners.size(),
                enrolSeconds, perPartner * partners.size() / enrolSeconds);

        List<PacedBarriers.Command> warmUp = commands(settings.warmUpCommands(), false, 0, warmUpPeople, people,
                patterns, plan, workers);
        List<PacedBarriers.Command> measured = commands(settings.measuredCommands(), true, warmUpPeople,
                perPartner - warmUpPeople, people, patterns, plan, workers);

        PacedBarriers paced = new PacedBarriers(settings.clients());
        try (TopicOrder order = new TopicOrder(bootstrap, partners);
             PlaceWatch watch = new PlaceWatch(URI.create(plan.placeUrl() + "/barriers"), placeLead,
                     settings.pollMillis())) {
            System.out.printf("warm-up: %,d barriers at %d/s%n", warmUp.size(), settings.rate());
            PacedBarriers.Phase warm = paced.run(warmUp, settings.rate(), Duration.ofMinutes(2));
            long draining = System.nanoTime();
            boolean drained = awaitVisible(warm, watch, Duration.ofMinutes(3));
            System.out.printf("warm-up: %,d of %,d accepted; %s visible %.1f s after the last answer%n",
                    warm.outcomes().stream().filter(PacedBarriers.Outcome::accepted).count(), warmUp.size(),
                    drained ? "all" : "NOT all", (System.nanoTime() - draining) / 1e9);
            Thread.sleep(2_000);

            String loadBefore = loadAverage();
            Map<String, String> services = serviceUrls(plan, partners);
            Map<String, Scrape> scrapesBefore = scrapes(services);
            ThreadCpu placeThreadsBefore = ThreadCpu.of(stack.serviceProcesses().get("place"));
            ThreadCpu harnessThreadsBefore = ThreadCpu.of(ProcessHandle.current());
            long pressureBefore = CpuPressure.totalMicros();
            watch.timePolls();
            CpuUse cpuBefore = CpuUse.of(stack);
            long cpuFrom = System.nanoTime();
            System.out.printf("measuring: %,d barriers at %d/s (load average %s)%n", measured.size(), settings.rate(), loadBefore);
            PacedBarriers.Phase phase = paced.run(measured, settings.rate(), Duration.ofSeconds(settings.visibleTimeout()));
            boolean all = awaitVisible(phase, watch, Duration.ofSeconds(settings.visibleTimeout()));
            String loadAfter = loadAverage();
            CpuUse cpu = CpuUse.of(stack).since(cpuBefore);
            double wall = (System.nanoTime() - cpuFrom) / 1e9;
            long pressure = CpuPressure.totalMicros() - pressureBefore;
            ThreadCpu placeThreads = ThreadCpu.of(stack.serviceProcesses().get("place")).since(placeThreadsBefore);
            ThreadCpu harnessThreads = ThreadCpu.of(ProcessHandle.current()).since(harnessThreadsBefore);
            Map<String, Scrape> measuredScrapes = new LinkedHashMap<>();
            scrapes(services).forEach((name, after) -> measuredScrapes.put(name, after.since(scrapesBefore.get(name))));
            report(phase, order, watch, settings, all, loadBefore, loadAfter);
            reportPlace(measuredScrapes.get("place"), placeThreads);
            reportCpu(cpu, wall, phase.outcomes().stream().filter(PacedBarriers.Outcome::accepted).count());
            System.out.printf("  the harness's and broker's threads by CPU: %s%n", harnessThreads.busiest(10));
            reportPauses(measuredScrapes, wall, pressureBefore < 0 ? -1 : pressure);
        }
        // Each pattern here is one organisation's, under the rule's two: no candidate should come of the run.
        JsonHttp.Reply candidates = new JsonHttp().get(plan.escalationUrl() + "/candidates", placeLead);
        System.out.printf("escalation candidates after the run: %s%n",
                candidates.status() == 200 ? candidates.json().size() : "HTTP " + candidates.status());
    }

    /**
     * The phase's commands, spread over the partners in turn; at each partner its phase's people in turn, each time
     * in their next pattern, so that a person's barriers are a whole round of people apart (no two at once).
     */
    private static List<PacedBarriers.Command> commands(int count, boolean measured, int firstPerson, int phasePeople,
                                                        List<List<Enrolment.Person>> people, BarrierPatterns patterns,
                                                        StackPlan plan, Map<String, String> workers) {
        List<PacedBarriers.Command> commands = new ArrayList<>(count);
        int partners = people.size();
        for (int i = 0; i < count; i++) {
            int partner = i % partners;
            int turn = i / partners;
            Enrolment.Person person = people.get(partner).get(firstPerson + turn % phasePeople);
            commands.add(new PacedBarriers.Command(person,
                    patterns.of(measured, partner, person.partition(), turn / phasePeople),
                    plan.partnerUrl(person.organisation()), workers.get(person.organisation()), measured));
        }
        return commands;
    }

    /** Waits until the place counts, in every pattern of the phase, as many people as barriers it accepted. */
    private static boolean awaitVisible(PacedBarriers.Phase phase, PlaceWatch watch, Duration timeout)
            throws InterruptedException {
        Map<String, Long> accepted = new HashMap<>();
        phase.outcomes().stream().filter(PacedBarriers.Outcome::accepted)
                .forEach(o -> accepted.merge(o.command.pattern().key(), 1L, Long::sum));
        return watch.awaitCounts(accepted, timeout);
    }

    private static void report(PacedBarriers.Phase phase, TopicOrder order, PlaceWatch watch, BenchSettings settings,
                               boolean allVisible, String loadBefore, String loadAfter) {
        List<PacedBarriers.Outcome> outcomes = phase.outcomes();
        double offeredSeconds = (phase.lastSentNanos() - phase.firstDueNanos()) / 1e9;
        double answeredSeconds = (phase.lastAnsweredNanos() - phase.firstDueNanos()) / 1e9;
        List<PacedBarriers.Outcome> accepted = outcomes.stream().filter(PacedBarriers.Outcome::accepted).toList();
        Map<String, Integer> refused = new TreeMap<>();
        outcomes.stream().filter(o -> !o.accepted()).forEach(o -> refused.merge(
                o.failure != null ? o.failure : o.answeredNanos == 0 ? "no answer" : "HTTP " + o.status, 1, Integer::sum));

        List<Long> toVisible = new ArrayList<>();
        List<Long> toTopic = new ArrayList<>();
        List<Long> topicToVisible = new ArrayList<>();
        List<Long> toHarness = new ArrayList<>();
        int neverPublished = 0;
        int neverVisible = 0;
        int elsewhere = 0;
        for (PacedBarriers.Outcome outcome : accepted) {
            TopicOrder.Published published = order.published(outcome.barrierId);
            if (published == null) {
                neverPublished++;
                continue;
            }
            if (published.partition() != outcome.command.person().partition()) {
                elsewhere++;
            }
            toTopic.add(published.sentAtMillis() - outcome.acceptedAtMillis);
            toHarness.add(published.readAtMillis() - published.sentAtMillis());
            long visibleAt = watch.firstSeenAtLeast(published.pattern(), published.rank());
            if (visibleAt < 0) {
                neverVisible++;
                continue;
            }
            long millis = Math.round((visibleAt - outcome.answeredNanos) / 1e6);
            toVisible.add(millis);
            topicToVisible.add(outcome.acceptedAtMillis + millis - published.sentAtMillis());
        }
        long[] latencies = accepted.stream().mapToLong(o -> o.answeredNanos - o.dueNanos).toArray();
        long[] lateness = outcomes.stream().filter(o -> o.sentNanos > 0).mapToLong(o -> o.sentNanos - o.dueNanos).toArray();
        long late = Arrays.stream(lateness).filter(n -> n > 10_000_000L).count();

        System.out.println();
        System.out.println("== consortium end to end: partner command -> place query ==");
        System.out.printf("load average before %s, after %s%n", loadBefore, loadAfter);
        System.out.printf("offered:  %,d barrier commands in %.1f s = %,.0f commands/s (open loop, %d clients; at most "
                + "%,d in flight; %,d sent over 10 ms late, lateness %s)%n", outcomes.size(), offeredSeconds,
                outcomes.size() / offeredSeconds, settings.clients(), phase.mostInFlight(), late,
                Distribution.ofNanos(lateness));
        System.out.printf("answered: %,d accepted (2xx) in %.1f s = %,.0f commands/s; not accepted: %s%n", accepted.size(),
                answeredSeconds, accepted.size() / answeredSeconds, refused.isEmpty() ? "none" : refused);
        System.out.printf("command latency (due -> 2xx answer): %s%n", Distribution.ofNanos(latencies));
        System.out.printf("accepted (2xx) -> visible in GET /barriers: %s%n", Distribution.ofMillis(toArray(toVisible)));
        System.out.printf("never visible within %d s of the last answer: %,d (of which never on the partner's topic: %,d)%s%n",
                settings.visibleTimeout(), neverVisible + neverPublished, neverPublished, allVisible ? "" : " - NOT all visible");
        System.out.printf("  accepted -> sent by the partner's publisher (record timestamp): %s%n",
                Distribution.ofMillis(toArray(toTopic)));
        System.out.printf("  sent by the publisher -> visible: %s%n", Distribution.ofMillis(toArray(topicToVisible)));
        System.out.printf("  sent by the publisher -> read by the harness's own consumer (the broker's share): %s%n",
                Distribution.ofMillis(toArray(toHarness)));
        System.out.printf("place polls: every %d ms, each %s; failed polls: %,d%n", settings.pollMillis(),
                Distribution.ofNanos(watch.pollDurations()), watch.failures());
        if (order.unreadable() > 0) {
            System.out.printf("WARNING: %,d barrier records on the topics were not valid contracts%n", order.unreadable());
        }
        if (elsewhere > 0) {
            System.out.printf("WARNING: %,d barriers reached another partition than predicted: their ranks are not exact%n",
                    elsewhere);
        }
    }

    private static Map<String, String> serviceUrls(StackPlan plan, List<String> partners) {
        Map<String, String> urls = new LinkedHashMap<>();
        partners.forEach(org -> urls.put("partner-" + org, plan.partnerUrl(org)));
        urls.put("place", plan.placeUrl());
        urls.put("escalation", plan.escalationUrl());
        return urls;
    }

    private static Map<String, Scrape> scrapes(Map<String, String> services) {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        services.forEach((name, url) -> scrapes.put(name, Scrape.of(url)));
        return scrapes;
    }

    /**
     * The place's own view of the measured phase, to split "sent -> visible": its intake's timers (from each record's
     * send to the poll that read it, and to that poll's commit; each poll's transaction), its time answering
     * {@code GET /barriers}, and which of its threads used its CPU.
     */
    private static void reportPlace(Scrape place, ThreadCpu threads) {
        System.out.println("the place's intake, by its own metrics over the measured phase (bucket bounds):");
        System.out.printf("  sent -> read by the intake's poll: %s%n", place.timer("bothy_intake_delivery"));
        System.out.printf("  sent -> that poll committed:       %s%n", place.timer("bothy_intake_committed"));
        System.out.printf("  each poll, read -> committed:      %s; records per poll: mean %.1f%n",
                place.timer("bothy_intake_apply"), place.value("bothy_intake_poll_records_count") == 0 ? 0.0
                        : place.value("bothy_intake_poll_records_sum") / place.value("bothy_intake_poll_records_count"));
        System.out.printf("  occurredAt -> committed (bothy.projection.latency): %s%n",
                place.timer("bothy_projection_latency"));
        System.out.printf("  GET /barriers inside the place (from Tomcat's request to its response): %s%n",
                place.timer("http_server_requests@/barriers"));
        System.out.printf("  the place's threads by CPU: %s%n", threads.busiest(8));
    }

    /** Each service's garbage-collection pauses in the phase, and how long something waited for a core. */
    private static void reportPauses(Map<String, Scrape> scrapes, double wallSeconds, long pressureMicros) {
        StringBuilder pauses = new StringBuilder();
        scrapes.forEach((name, scrape) -> {
            pauses.append(pauses.isEmpty() ? "" : "; ").append(name);
            for (String action : List.of("end of minor GC", "end of major GC")) {
                String at = "@" + action;
                pauses.append(String.format(" %s %,.0f in %,.0f ms (longest lately %,.0f ms)", action.split(" ")[2],
                        scrape.value("jvm_gc_pause_seconds_count" + at), scrape.value("jvm_gc_pause_seconds_sum" + at) * 1000,
                        scrape.value("jvm_gc_pause_seconds_max" + at) * 1000));
            }
        });
        System.out.printf("GC pauses in the phase: %s%n", pauses);
        if (pressureMicros >= 0) {
            System.out.printf("CPU pressure: some runnable task waited for a core %.0f %% of the phase (/proc/pressure/cpu)%n",
                    pressureMicros / 1e4 / wallSeconds);
        }
    }

    private static void reportCpu(CpuUse cpu, double wallSeconds, long accepted) {
        System.out.printf("CPU from the first command to the last visible (%.1f s of wall time, %d cores on this machine):%n",
                wallSeconds, Runtime.getRuntime().availableProcessors());
        cpu.byPart().forEach((part, used) -> System.out.printf("  %-30s %6.1f s = %4.2f cores, %5.1f ms per accepted command%n",
                part, used.toMillis() / 1e3, used.toMillis() / 1e3 / wallSeconds,
                accepted == 0 ? 0.0 : (double) used.toMillis() / accepted));
        System.out.printf("  %-30s %6.1f s = %4.2f cores%n", "all of the stack", cpu.total().toMillis() / 1e3,
                cpu.total().toMillis() / 1e3 / wallSeconds);
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
