package org.bothy.support.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every Bothy service starts from, added as the lowest-precedence property source so that a service's
 * own configuration, the command line and the environment all override them.
 */
public final class BothyDefaults implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source these defaults live in. */
    public static final String SOURCE_NAME = "bothyDefaults";

    private static final String AXON_JPA_EVENT_STORE = "org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults(axonPresent())));
    }

    /** The defaults, with the Axon-on-PostgreSQL ones when Axon's JPA event store is on the class path. */
    public static Map<String, Object> defaults(boolean axon) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("axon.axonserver.enabled", "false");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("spring.jpa.hibernate.ddl-auto", "validate");
        d.put("spring.jpa.open-in-view", "false");
        d.put("spring.mvc.problemdetails.enabled", "true");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        d.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        // Spring Security wraps each of its filters, the authentication and the authorisation in an observation of
        // its own: some 30 timers started and stopped per request, a few per cent of a partner command's CPU. The
        // request as a whole is still observed (http.server.requests).
        d.put("management.observations.enable.spring.security", "false");
        d.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        d.put("springdoc.api-docs.path", "/v3/api-docs");
        if (axon) {
            d.put("spring.jpa.database-platform", "org.bothy.support.axon.ByteaPostgresDialect");
            d.put("spring.jpa.mapping-resources", "META-INF/axon-orm.xml");
            // Axon's tables are V1; a service numbers its own migrations from V2.
            d.put("spring.flyway.locations", "classpath:db/axon,classpath:db/migration");
            // Axon times each handler invocation by taking the thread's whole stack trace as it starts, for every
            // event a repository replays too: a large share of a command's CPU in the partner benchmark. The unit of
            // work's own timeout (axon.timeout.transaction.*) still bounds every command and every processor batch.
            // axon-micrometer's monitors look every meter up in the registry for every message on every component,
            // subscribing processors included: about a seventh of a partner command's CPU. AxonMeters counts the
            // same outcomes and a processor's age with meters made once (AxonMetersAutoConfiguration).
            d.put("axon.metrics.auto-configuration.enabled", "false");
            for (String messages : new String[] {"commands", "events", "queries"}) {
                d.put("axon.timeout.handler." + messages + ".timeout-ms", "-1");
                d.put("axon.timeout.handler." + messages + ".warning-threshold-ms", "-1");
            }
        }
        return d;
    }

    private static boolean axonPresent() {
        return ClassUtils.isPresent(AXON_JPA_EVENT_STORE, BothyDefaults.class.getClassLoader());
    }

    @Override
    public int getOrder() {
        // After config data is loaded, so that addLast really puts these below application.properties.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
