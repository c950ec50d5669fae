package org.bothy.partner;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.privacy.Pseudonymiser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes one codebase serve one organisation: checks the configured organisation against the consortium's codes and
 * the pseudonym key at start-up, so that a misconfigured deployment stops at once and says why.
 */
@Configuration
@EnableConfigurationProperties(PartnerProperties.class)
public class PartnerConfiguration {

    @Bean
    Codes codes() {
        return Codes.northEdinburgh();
    }

    @Bean
    PartnerOrganisation partnerOrganisation(PartnerProperties properties, Codes codes) {
        return PartnerOrganisation.configured(properties.organisation(), codes);
    }

    @Bean
    Pseudonymiser pseudonymiser(PartnerProperties properties) {
        try {
            return Pseudonymiser.fromBase64(properties.pseudonymKey());
        } catch (IllegalArgumentException e) {
            // the message names what is wrong with the key, never the key itself
            throw new IllegalStateException("bothy.pseudonym-key: " + e.getMessage(), e);
        }
    }
}
