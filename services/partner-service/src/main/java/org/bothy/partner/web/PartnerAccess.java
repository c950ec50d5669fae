package org.bothy.partner.web;

import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who may use this partner service: only workers and leads of the organisation it serves. A place lead, a
 * statutory body or another organisation's worker is refused, whatever else their token allows.
 */
@Configuration
public class PartnerAccess {

    @Bean
    AccessRules journeysAreForThisOrganisation(PartnerOrganisation organisation) {
        return registry -> registry.requestMatchers("/journeys", "/journeys/**", "/caseload")
                .access((authentication, request) ->
                        new AuthorizationDecision(worksFor(authentication.get(), organisation.code())));
    }

    private static boolean worksFor(Authentication authentication, String organisation) {
        return authentication instanceof JwtAuthenticationToken token
                && BothyPrincipal.of(token.getToken()).worksFor(organisation);
    }
}
