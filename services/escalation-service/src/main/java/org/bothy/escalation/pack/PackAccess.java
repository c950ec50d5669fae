package org.bothy.escalation.pack;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyPrincipal;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;

/**
 * The evidence pack is read by place leads and by the statutory body it was sent to, and by no other body. These rules
 * come before the service's general "escalations are for place leads" rule, so they are ordered first.
 */
@Configuration(proxyBeanMethods = false)
public class PackAccess {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules evidencePackAccessRules() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/escalations/*/pack", "/escalations/*/pack.json", "/escalations/*/pack.pdf")
                .hasAnyRole(BothyRole.PLACE_LEAD.name(), BothyRole.STATUTORY.name());
    }

    /** Refuses a statutory caller the pack of an escalation sent to another body. */
    static void requireMayRead(BothyPrincipal caller, String body) {
        if (!caller.has(BothyRole.PLACE_LEAD) && !caller.speaksFor(body)) {
            throw new AccessDeniedException("this escalation was sent to another body");
        }
    }
}
