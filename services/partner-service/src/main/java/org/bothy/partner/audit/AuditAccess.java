package org.bothy.partner.audit;

import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyAuthorization;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Only a lead of this organisation may read its audit log. */
@Configuration
public class AuditAccess {

    @Bean
    @Order(10)
    AccessRules auditIsForLeads(PartnerOrganisation organisation) {
        return registry -> registry.requestMatchers("/audit", "/audit/**").access(BothyAuthorization.when(
                caller -> caller.worksFor(organisation.code()) && caller.has(BothyRole.LEAD)));
    }
}
