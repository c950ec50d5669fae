package org.bothy.support.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Request rules that look past the role at whom the caller acts for, for use in {@link AccessRules}: e.g.
 * {@code registry.requestMatchers("/journeys/**").access(BothyAuthorization.memberOf(organisation))}, so that a worker
 * of one organisation calling another organisation's service gets 403.
 */
public final class BothyAuthorization {

    private BothyAuthorization() {
    }

    /** Allows a worker or lead whose token names {@code organisation}. */
    public static AuthorizationManager<RequestAuthorizationContext> memberOf(String organisation) {
        return when(principal -> principal.worksFor(organisation));
    }

    /** Allows a statutory partner whose token names {@code body}. */
    public static AuthorizationManager<RequestAuthorizationContext> speaksFor(String body) {
        return when(principal -> principal.speaksFor(body));
    }

    /** Allows a caller whose principal satisfies {@code rule}. */
    public static AuthorizationManager<RequestAuthorizationContext> when(Predicate<BothyPrincipal> rule) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
                                                   RequestAuthorizationContext context) {
                Authentication current = authentication.get();
                boolean granted = current instanceof JwtAuthenticationToken token
                        && current.isAuthenticated()
                        && rule.test(BothyPrincipal.of(token.getToken()));
                return new AuthorizationDecision(granted);
            }
        };
    }
}
