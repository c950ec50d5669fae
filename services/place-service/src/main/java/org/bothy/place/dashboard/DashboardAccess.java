package org.bothy.place.dashboard;

import org.bothy.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The dashboard's page, script, style and code lists are open: they hold no data. Every figure on the page comes from
 * the query API, which the page calls with the place lead's own bearer token.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardAccess {

    @Bean
    AccessRules dashboardAccessRules() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/**").permitAll();
    }
}
