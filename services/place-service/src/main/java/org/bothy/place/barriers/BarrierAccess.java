package org.bothy.place.barriers;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read the barrier view: place leads and administrators; the view only ever holds aggregates. */
@Configuration(proxyBeanMethods = false)
public class BarrierAccess {

    @Bean
    AccessRules barrierAccessRules() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/barriers", "/barriers/**")
                .hasAnyRole(BothyRole.PLACE_LEAD.name(), BothyRole.ADMIN.name());
    }
}
