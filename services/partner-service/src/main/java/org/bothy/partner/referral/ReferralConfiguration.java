package org.bothy.partner.referral;

import org.apache.kafka.clients.admin.NewTopic;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.publishing.PublisherProperties;
import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires referrals: the shared topic, created at start-up if absent, the outbox relay, and who may use them. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ReferralProperties.class)
public class ReferralConfiguration {

    @Bean
    NewTopic referralTopic(PublisherProperties properties) {
        return TopicBuilder.name(Topics.REFERRALS).partitions(properties.partitions()).replicas(properties.replicas())
                .build();
    }

    @Bean
    AccessRules referralsAreForThisOrganisation(PartnerOrganisation organisation) {
        return registry -> registry.requestMatchers("/referrals", "/referrals/**")
                .access(BothyAuthorization.memberOf(organisation.code()));
    }
}
