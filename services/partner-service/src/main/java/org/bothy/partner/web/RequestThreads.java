package org.bothy.partner.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes Tomcat's request threads from the database pool, leaving connections the requests cannot take.
 *
 * <p>Why: the publisher reads the event store as its outbox through the same Hikari pool as the requests. With
 * Tomcat's 200 threads (or the benchmark's 64 requests in flight) against a pool of 20, the requests took every
 * connection and the publisher queued behind them (7.5 s in all in the benchmark's profile), so the lag measured
 * the queue for connections. With at most {@code pool - reserved} request threads, surplus requests wait at the
 * socket instead of inside the pool, and the publisher (its coordinator and its worker), the consent-expiry
 * schedule and the referral listener always find a connection. Simpler than a second pool: Axon's event store and
 * token store share one JPA transaction manager, which a pool of the publisher's own would have to split.
 *
 * <p>An explicit {@code server.tomcat.threads.max} wins; so does a setting of
 * {@code bothy.reserved-connections} (default 4).
 */
@Component
public class RequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Hikari's own default pool size, used when none is configured. */
    public static final int HIKARI_DEFAULT_POOL = 10;
    /** Fewer request threads than this would serve one slow request at a time. */
    static final int FLOOR = 2;

    private final Environment environment;

    RequestThreads(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (environment.containsProperty("server.tomcat.threads.max")) {
            return;
        }
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class,
                HIKARI_DEFAULT_POOL);
        int reserved = environment.getProperty("bothy.reserved-connections", Integer.class, 4);
        int threads = forPool(pool, reserved);
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof org.apache.coyote.AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
            }
        });
    }

    /** Request threads for a pool of {@code pool} connections of which {@code reserved} are kept for the rest. */
    public static int forPool(int pool, int reserved) {
        return Math.max(FLOOR, pool - reserved);
    }
}
