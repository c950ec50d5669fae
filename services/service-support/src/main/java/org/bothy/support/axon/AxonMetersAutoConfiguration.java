package org.bothy.support.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link AxonMeters} on every Axon component, in the place of axon-micrometer's monitors (whose auto-configuration
 * {@code BothyDefaults} turns off: {@code axon.metrics.auto-configuration.enabled=false}). Off with
 * {@code bothy.axon.meters.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.axonframework.config.ConfigurerModule", "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnProperty(name = "bothy.axon.meters.enabled", matchIfMissing = true)
public class AxonMetersAutoConfiguration {

    @Bean
    ConfigurerModule bothyAxonMeters(ObjectProvider<MeterRegistry> registry) {
        Clock clock = Clock.systemUTC();
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                AxonMeters.monitor(registry.getObject(), clock, componentType, componentName));
    }
}
