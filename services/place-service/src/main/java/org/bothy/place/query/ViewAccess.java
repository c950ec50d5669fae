package org.bothy.place.query;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may read the place's views: place leads and administrators see every view (they only ever hold aggregates);
 * a statutory body sees only the disclosure-controlled views under {@code /disclosed}.
 */
@Configuration(proxyBeanMethods = false)
public class ViewAccess {

    /** Paths of the views for place leads. */
    static final String[] PLACE_LEAD_VIEWS = {"/barriers", "/barriers/**", "/reach", "/reach/**", "/issues", "/issues/**",
            "/cost", "/cost/**", "/soft-measures", "/soft-measures/**", "/learning", "/learning/**", "/lm3", "/lm3/**",
            "/learning-cycles", "/learning-cycles/**", "/referrals", "/referrals/**"};

    @Bean
    AccessRules viewAccessRules() {
        return registry -> {
            registry.requestMatchers(HttpMethod.GET, PLACE_LEAD_VIEWS)
                    .hasAnyRole(BothyRole.PLACE_LEAD.name(), BothyRole.ADMIN.name());
            registry.requestMatchers(HttpMethod.GET, "/disclosed/**")
                    .hasAnyRole(BothyRole.PLACE_LEAD.name(), BothyRole.ADMIN.name(), BothyRole.STATUTORY.name());
        };
    }
}
