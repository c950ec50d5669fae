package org.bothy.escalation;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bothy.escalation.escalation.EscalationProjection;
import org.bothy.escalation.feeds.FeedOutbox;
import org.bothy.escalation.response.OwnBodyOnly;
import org.bothy.kernel.codes.Codes;
import org.bothy.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the escalation service's slices share: time, codes, who may call what, and how Axon runs its handlers. */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Codes codes() {
        return Codes.northEdinburgh();
    }

    /**
     * Candidates and escalations are the place leads' decisions to make and to follow; a statutory body reaches
     * only its own escalations and feeds, by the {@code body} claim of its token.
     */
    @Bean
    AccessRules escalationAccessRules() {
        return registry -> registry
                .requestMatchers("/candidates", "/candidates/**", "/escalations", "/escalations/**").hasRole("PLACE_LEAD")
                .requestMatchers("/statutory/{body}/**", "/feeds/{body}/**").access(new OwnBodyOnly());
    }

    /**
     * The view and the statutory feed (with its webhook outbox) run subscribing, inside the command's transaction, and propagate
     * failures: an escalation is never stored without its view row and its durable delivery.
     */
    @Bean
    ConfigurerModule subscribingProjections() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : new String[] {EscalationProjection.GROUP, FeedOutbox.GROUP}) {
                processing.registerSubscribingEventProcessor(group)
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        });
    }
}
