package org.bothy.localstack;

import java.util.List;
import java.util.Locale;

/**
 * How large each service's JVM and database pool are. {@link #LOCAL} is what {@code ./bothy up} runs: small, quick to
 * start on a shared laptop. {@link #SERVER} is nearer a deployment (the JIT's C2 compiler, larger heaps and pools), for
 * measuring what the services can carry rather than how fast they start.
 *
 * @param name       how a person asks for it ({@code local}, {@code server})
 * @param poolSize   each service's database pool ({@code spring.datasource.hikari.maximum-pool-size}); a partner's
 *                   request threads follow from it
 * @param jvmOptions the options every service's JVM starts with
 */
public record ServiceSizing(String name, int poolSize, List<String> jvmOptions) {

    /** The local stack's own: six services share one PostgreSQL and two cores. */
    public static final ServiceSizing LOCAL = new ServiceSizing("local", 5, ServiceProcess.JVM_OPTIONS);

    /** The JVM's own compilers and collector, a 768 MB heap, and the pool the partner benchmark uses (20). */
    public static final ServiceSizing SERVER = new ServiceSizing("server", 20, List.of(
            "-Xss512k", "-Xms256m", "-Xmx768m", "-Xshare:auto", "-Djava.awt.headless=true", "-Dspring.jmx.enabled=false"));

    public ServiceSizing {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The sizing of that name. */
    public static ServiceSizing named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "local" -> LOCAL;
            case "server" -> SERVER;
            default -> throw new IllegalArgumentException("no service sizing '" + name + "': local or server");
        };
    }
}
