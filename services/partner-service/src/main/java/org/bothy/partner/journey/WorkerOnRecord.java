package org.bothy.partner.journey;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.bothy.support.security.BothyPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Puts the worker who asked (the token's subject, never a supported person's detail) on every command as metadata,
 * and Axon copies it onto the events the command records: so a caseload and a timeline can say who did what.
 */
@Configuration
public class WorkerOnRecord {

    /** The metadata key that holds the worker's subject. */
    public static final String METADATA_KEY = "worker";

    @Bean
    CorrelationDataProvider messageOrigin() {
        // Axon's own provider steps aside when a service defines any provider, so keep correlation and trace ids
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider workerOnEvents() {
        return new SimpleCorrelationDataProvider(METADATA_KEY);
    }

    @Bean
    SmartInitializingSingleton workerOnCommands(ObjectProvider<CommandBus> commandBus) {
        // registered once every bean exists: the command bus itself depends on the providers above
        return () -> {
            if (commandBus.getObject() instanceof SimpleCommandBus bus) {
                bus.registerDispatchInterceptor(messages -> (index, command) -> {
                    String worker = currentWorker();
                    return worker == null ? command : command.andMetaData(Map.of(METADATA_KEY, worker));
                });
            }
        };
    }

    private static String currentWorker() {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            return null;
        }
        try {
            return BothyPrincipal.current().subject();
        } catch (RuntimeException notABearer) {
            // a command sent outside a request (start-up, a test) is on record without a worker
            return null;
        }
    }
}
