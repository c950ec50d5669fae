package org.bothy.partner.referral;

import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.RepeatedRound;
import org.bothy.partner.publishing.PublisherProperties;
import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyAuthorization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Wires referrals: the views kept in the command's transaction, the shared topic (created at start-up if absent), the
 * outbox relay, and who may use them.
 */
@Configuration
@EnableConfigurationProperties(ReferralProperties.class)
public class ReferralConfiguration {

    @Autowired
    void referralRecordsInTheCommandsTransaction(EventProcessingConfigurer processing) {
        // subscribing, and failing the command when a view or the contract outbox cannot be written: a referral that
        // is decided but never told to the other partner would wait there for ever
        processing.registerSubscribingEventProcessor(ReferralRecords.PROCESSOR);
        processing.registerListenerInvocationErrorHandler(ReferralRecords.PROCESSOR,
                configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    NewTopic referralTopic(PublisherProperties properties) {
        return TopicBuilder.name(Topics.REFERRALS).partitions(properties.partitions()).replicas(properties.replicas())
                .build();
    }

    @Bean
    RepeatedRound referralRelay(ReferralOutbox outbox, @Value("${bothy.referral.relay-interval-ms:200}") long intervalMs) {
        Duration interval = Duration.ofMillis(intervalMs);
        return new RepeatedRound("referral-relay", interval, interval, outbox::relay);
    }

    @Bean
    AccessRules referralsAreForThisOrganisation(PartnerOrganisation organisation) {
        return registry -> registry.requestMatchers("/referrals", "/referrals/**")
                .access(BothyAuthorization.memberOf(organisation.code()));
    }
}
