package org.bothy.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bothy up}: starts the whole consortium and keeps it running until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka, PostgreSQL, the token issuer, every service and the demo receiver; load the demo story once.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default: $BOTHY_HOME, else ./bothy-data).")
    Path data;

    @Option(names = "--repository", defaultValue = "${sys:bothy.repository:-.}",
            description = "Repository root, where services/*/target holds the jars (default: current folder).")
    Path repository;

    @Option(names = "--no-demo-data", description = "Do not load the demo story.")
    boolean noDemoData;

    @Override
    public Integer call() {
        Instant begun = launchInstant();
        PrintStream out = System.out;
        DataHome home = DataHome.resolve(data).create();
        // the broker and zonky log through slf4j-simple; their lines belong in a file, not in the terminal
        System.setProperty("org.slf4j.simpleLogger.logFile", home.log("launcher").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        StackLock lock;
        try {
            lock = StackLock.acquire(home.lockFile());
        } catch (StackLock.AlreadyRunning e) {
            System.err.println(e.getMessage());
            return 3;
        }
        StackPlan plan = StackPlan.consortium(home, repository.toAbsolutePath().normalize());
        if (noDemoData) {
            plan = plan.withoutDemoData();
        }
        out.println("Starting the Bothy consortium (data in " + home.root() + ") ...");
        CountDownLatch stopped = new CountDownLatch(1);
        ConsortiumStack stack = ConsortiumStack.create(plan, out);
        Thread hook = new Thread(() -> {
            out.println("\nStopping the Bothy consortium ...");
            stack.close();
            lock.close();
            out.println("Stopped: no service, broker or database left running.");
            stopped.countDown();
        }, "bothy-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("The consortium did not start: " + e.getMessage());
            return 1;
        }
        if (plan.demoData()) {
            try {
                if (!stack.loadDemoDataOnce()) {
                    out.println("Demo data: already loaded in this data folder (" + home.demoLoadedMarker() + ").");
                }
            } catch (RuntimeException e) {
                System.err.println("Demo data could not be loaded: " + e.getMessage());
            }
        }
        new ReadyBanner(plan, stack).print(out, Duration.between(begun, Instant.now()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** When the person asked: the launcher script passes the moment it began (before any build), else JVM start. */
    private static Instant launchInstant() {
        String fromScript = System.getProperty("bothy.started-at-ms");
        if (fromScript != null && fromScript.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(fromScript));
        }
        return ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }
}
