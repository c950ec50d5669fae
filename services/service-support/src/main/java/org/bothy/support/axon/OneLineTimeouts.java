package org.bothy.support.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.AxonTaskJanitor;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.springboot.TimeoutProperties;
import org.slf4j.Logger;

/**
 * Axon's time limits on units of work (each event processor's batch, commands, queries, deadlines), set from
 * {@code axon.timeout.transaction.*} exactly as Axon's own module sets them, but logged one line per warning
 * ({@link OneLineTimeoutLog}).
 */
final class OneLineTimeouts implements ConfigurerModule {

    private final TimeoutProperties.TransactionTimeoutProperties limits;
    private final Logger log = new OneLineTimeoutLog(AxonTaskJanitor.LOGGER);

    OneLineTimeouts(TimeoutProperties properties) {
        this.limits = properties.getTransaction();
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) ->
                limited("EventProcessor " + processor,
                        limits.getEventProcessor().getOrDefault(processor, limits.getEventProcessors())));
        configurer.onStart(Integer.MIN_VALUE, () -> {
            Configuration configuration = configurer.buildConfiguration();
            configuration.commandBus().registerHandlerInterceptor(
                    limited(configuration.commandBus().getClass().getSimpleName(), limits.getCommandBus()));
            configuration.queryBus().registerHandlerInterceptor(
                    limited(configuration.queryBus().getClass().getSimpleName(), limits.getQueryBus()));
            configuration.deadlineManager().registerHandlerInterceptor(
                    limited(configuration.deadlineManager().getClass().getSimpleName(), limits.getDeadline()));
        });
    }

    private UnitOfWorkTimeoutInterceptor limited(String component, TaskTimeoutSettings settings) {
        return new UnitOfWorkTimeoutInterceptor(component, settings.getTimeoutMs(), settings.getWarningThresholdMs(),
                settings.getWarningIntervalMs(), AxonTaskJanitor.INSTANCE, log);
    }

    @Override
    public int order() {
        return Integer.MIN_VALUE;
    }
}
