package org.bothy.support.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class BothyDefaultsTest {

    @Test
    void every_service_gets_the_defaults_and_its_own_configuration_wins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("applicationConfig",
                Map.of("spring.kafka.consumer.auto-offset-reset", "latest")));

        new BothyDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("latest");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
                .isEqualTo("org.apache.kafka.common.serialization.ByteArraySerializer");
        assertThat(environment.getProperty("spring.kafka.consumer.enable-auto-commit")).isEqualTo("false");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus,metrics");
        assertThat(environment.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
        assertThat(environment.getPropertySources().precedenceOf(
                environment.getPropertySources().get(BothyDefaults.SOURCE_NAME)))
                .isEqualTo(environment.getPropertySources().size() - 1);
    }

    @Test
    void with_axon_present_the_bytea_dialect_orm_override_and_axon_migrations_are_configured() {
        Map<String, Object> withAxon = BothyDefaults.defaults(true);
        Map<String, Object> withoutAxon = BothyDefaults.defaults(false);

        assertThat(withAxon).containsEntry("spring.jpa.database-platform", "org.bothy.support.axon.ByteaPostgresDialect")
                .containsEntry("spring.jpa.mapping-resources", "META-INF/axon-orm.xml")
                .containsEntry("spring.flyway.locations", "classpath:db/axon,classpath:db/migration")
                .containsEntry("axon.timeout.handler.events.timeout-ms", "-1")
                .containsEntry("axon.timeout.handler.events.warning-threshold-ms", "-1")
                .containsEntry("axon.timeout.handler.commands.timeout-ms", "-1")
                .doesNotContainKey("axon.timeout.transaction.command-bus.timeout-ms");
        assertThat(withoutAxon).doesNotContainKeys("spring.jpa.database-platform", "spring.flyway.locations");
    }

    @Test
    void the_defaults_are_registered_under_spring_boot_4s_post_processor_key() throws Exception {
        boolean registered = false;
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            String processors = factories.getProperty("org.springframework.boot.EnvironmentPostProcessor", "");
            registered |= processors.contains(BothyDefaults.class.getName());
        }

        assertThat(registered).isTrue();
    }
}
