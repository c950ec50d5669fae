package org.bothy.support.axon;

import org.axonframework.springboot.TimeoutProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link OneLineTimeouts} in the place of Axon's own time-limit module wherever Axon configures one
 * ({@code axon.timeout.enabled}, true by default): the same limits from the same settings, warnings on one line.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.springboot.TimeoutProperties")
public class OneLineTimeoutsAutoConfiguration {

    /** Axon's module is not public, so it is known by its name; TimeLimitWarningsTest fails if it is no longer found. */
    static final String AXONS_MODULE =
            "org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration$AxonTimeoutConfigurerModule";

    @Bean
    static BeanPostProcessor oneLineTimeLimits(ObjectProvider<TimeoutProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return AXONS_MODULE.equals(bean.getClass().getName()) ? new OneLineTimeouts(properties.getObject()) : bean;
            }
        };
    }
}
