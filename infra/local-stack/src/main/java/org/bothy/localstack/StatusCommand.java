package org.bothy.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bothy status}: says whether a stack runs on this data folder and which services answer healthy. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Say what runs.")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default: $BOTHY_HOME, else ./bothy-data).")
    Path data;

    @Override
    public Integer call() {
        DataHome home = DataHome.resolve(data);
        var launcher = StackLock.runningLauncher(home.lockFile());
        if (launcher.isEmpty()) {
            System.out.println("Not running (data folder " + home.root() + ").");
            return 1;
        }
        System.out.println("Running: launcher pid " + launcher.get() + ", data folder " + home.root());
        Ports ports = Ports.standard();
        Map<String, String> services = new LinkedHashMap<>();
        ports.partners().forEach((org, port) -> services.put("partner " + org, "http://localhost:" + port));
        services.put("place", "http://localhost:" + ports.place());
        services.put("escalation", "http://localhost:" + ports.escalation());
        JsonHttp http = new JsonHttp();
        boolean allUp = true;
        for (Map.Entry<String, String> service : services.entrySet()) {
            boolean up = http.isUp(service.getValue());
            allUp &= up;
            System.out.printf("  %-30s %-24s %s%n", service.getKey(), service.getValue(), up ? "UP" : "not answering");
        }
        LocalPostgres.postmaster(home.postgres()).ifPresentOrElse(
                pm -> System.out.printf("  %-30s pid %d, port %d%n", "PostgreSQL", pm.pid(), ports.postgres()),
                () -> System.out.printf("  %-30s not running%n", "PostgreSQL"));
        System.out.printf("  %-30s localhost:%d (in the launcher)%n", "Kafka", ports.kafka());
        return allUp ? 0 : 1;
    }
}
