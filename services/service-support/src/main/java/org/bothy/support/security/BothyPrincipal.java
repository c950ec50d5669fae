package org.bothy.support.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the token says: subject, Bothy roles (claim values such as {@code place-lead}), and the
 * organisation (workers and leads) or statutory body (statutory partners) they act for.
 */
public record BothyPrincipal(String subject, Set<String> roles, String organisation, String body) {

    public BothyPrincipal {
        roles = Set.copyOf(roles);
    }

    /** The principal a validated token describes. */
    public static BothyPrincipal of(Jwt jwt) {
        List<String> claimed = jwt.hasClaim(RolesClaimConverter.ROLES_CLAIM)
                ? jwt.getClaimAsStringList(RolesClaimConverter.ROLES_CLAIM) : List.of();
        Set<String> roles = (claimed == null ? List.<String>of() : claimed).stream()
                .map(BothyRole::fromClaim)
                .flatMap(Optional::stream)
                .map(BothyRole::claimValue)
                .collect(Collectors.toUnmodifiableSet());
        return new BothyPrincipal(jwt.getSubject(), roles, jwt.getClaimAsString("org"), jwt.getClaimAsString("body"));
    }

    /** The principal of the request being handled; refused when the request carries no validated token. */
    public static BothyPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return of(jwt);
        }
        throw new AuthenticationCredentialsNotFoundException("no bearer token on this request");
    }

    /** Whether the caller holds {@code role}. */
    public boolean has(BothyRole role) {
        return roles.contains(role.claimValue());
    }

    /** Whether the caller is a worker or lead of {@code organisationCode}. */
    public boolean worksFor(String organisationCode) {
        return (has(BothyRole.WORKER) || has(BothyRole.LEAD)) && organisationCode != null
                && organisationCode.equals(organisation);
    }

    /** Whether the caller speaks for the statutory body {@code bodyCode}. */
    public boolean speaksFor(String bodyCode) {
        return has(BothyRole.STATUTORY) && bodyCode != null && bodyCode.equals(body);
    }
}
