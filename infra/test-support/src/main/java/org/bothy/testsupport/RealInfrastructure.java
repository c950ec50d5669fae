package org.bothy.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot test at the real PostgreSQL, Kafka broker and token issuer of this test JVM. */
public final class RealInfrastructure {

    private RealInfrastructure() {
    }

    /** Registers the datasource on {@code database} (created if absent), Kafka and the JWKS address. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        String url = RealPostgres.jdbcUrl(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", RealPostgres::username);
        registry.add("spring.datasource.password", RealPostgres::password);
        registerKafka(registry);
        registerIdentity(registry);
    }

    /** Registers only {@code spring.kafka.bootstrap-servers}. */
    public static void registerKafka(DynamicPropertyRegistry registry) {
        String servers = RealKafka.bootstrapServers();
        registry.add("spring.kafka.bootstrap-servers", () -> servers);
    }

    /** Registers only the JWKS address of the test issuer. */
    public static void registerIdentity(DynamicPropertyRegistry registry) {
        String jwks = TestIdentity.jwksUri();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwks);
    }
}
