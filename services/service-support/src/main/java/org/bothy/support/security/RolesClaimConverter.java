package org.bothy.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a token's {@code roles} claim into {@code ROLE_*} authorities; values that are not Bothy roles grant nothing. */
public final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** The claim holding the roles. */
    public static final String ROLES_CLAIM = "roles";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        if (roles == null) {
            return List.of();
        }
        return roles.stream()
                .map(BothyRole::fromClaim)
                .flatMap(Optional::stream)
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toList());
    }
}
