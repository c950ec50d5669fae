package org.bothy.place.rebuild;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only administrators may start a rebuild or watch its progress. */
@Configuration(proxyBeanMethods = false)
public class RebuildAccess {

    @Bean
    AccessRules rebuildAccessRules() {
        return registry -> registry.requestMatchers("/admin/rebuild").hasRole(BothyRole.ADMIN.name());
    }
}
