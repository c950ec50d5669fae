package org.bothy.partner.web;

import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use the organisation's own learning (issue log, learning cycles, local spend): only its workers and leads.
 * Which of them may take a given decision (a lead closes an issue) is the aggregate's rule.
 */
@Configuration
public class OrganisationLearningAccess {

    @Bean
    AccessRules organisationLearningIsForThisOrganisation(PartnerOrganisation organisation) {
        return registry -> registry
                .requestMatchers("/issues", "/issues/**", "/learning-cycles", "/learning-cycles/**", "/projects",
                        "/projects/**")
                .access(BothyAuthorization.memberOf(organisation.code()));
    }
}
