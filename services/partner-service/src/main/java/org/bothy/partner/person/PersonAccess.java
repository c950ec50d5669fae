package org.bothy.partner.person;

import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyAuthorization;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/** People are for this organisation's workers and leads; erasing someone is for a lead. */
@Configuration
public class PersonAccess {

    @Bean
    @Order(10)
    AccessRules peopleAreForThisOrganisation(PartnerOrganisation organisation) {
        return registry -> registry
                .requestMatchers(HttpMethod.POST, "/people/*/erasure").access(BothyAuthorization.when(
                        caller -> caller.worksFor(organisation.code()) && caller.has(BothyRole.LEAD)))
                .requestMatchers("/people", "/people/**").access(BothyAuthorization.memberOf(organisation.code()));
    }
}
