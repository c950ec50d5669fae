package org.bothy.escalation.response;

import java.util.function.Supplier;
import org.bothy.support.security.BothyPrincipal;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request whose path names a body ({@code {body}}) only to a statutory token whose {@code body} claim is
 * that body: each body sees and answers only its own escalations and feeds.
 */
public final class OwnBodyOnly implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
                                           RequestAuthorizationContext context) {
        Authentication current = authentication.get();
        String body = context.getVariables().get("body");
        boolean granted = current instanceof JwtAuthenticationToken token && current.isAuthenticated()
                && BothyPrincipal.of(token.getToken()).speaksFor(body);
        return new AuthorizationDecision(granted);
    }
}
