package org.bothy.support.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own request rules (e.g. {@code registry.requestMatchers(POST, "/candidates/**").hasRole("PLACE_LEAD")}),
 * applied after the open actuator and API-docs paths and before "everything else needs a valid token".
 */
@FunctionalInterface
public interface AccessRules {

    /** Adds this service's rules to the request authorisation registry. */
    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) throws Exception;
}
