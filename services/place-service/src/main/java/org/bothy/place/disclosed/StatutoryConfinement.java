package org.bothy.place.disclosed;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * A statutory body's token reads the disclosure-controlled views and nothing else, whatever other rule a path gets:
 * every path but {@code /disclosed/**} and the data-free dashboard assets needs a token that is not statutory. Which
 * role may read a path beyond that is each controller's own {@code @PreAuthorize}, so the order in which rules are
 * applied does not matter.
 */
@Configuration(proxyBeanMethods = false)
public class StatutoryConfinement {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    AccessRules statutoryConfinementRules() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return registry -> registry
                .requestMatchers(new NegatedRequestMatcher(new OrRequestMatcher(
                        paths.matcher("/disclosed/**"), paths.matcher("/dashboard"), paths.matcher("/dashboard/**"))))
                .access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                        AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(BothyRole.STATUTORY.name()))));
    }
}
