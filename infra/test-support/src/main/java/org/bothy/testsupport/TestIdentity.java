package org.bothy.testsupport;

import org.bothy.devidentity.DevIssuer;
import org.bothy.devidentity.DevIssuerServer;
import org.bothy.devidentity.DevRole;

import java.time.Duration;
import java.util.UUID;

/**
 * One development token issuer per test JVM, serving its keys on a random local port, and tokens for each role that
 * services under test accept when pointed at {@link #jwksUri()}.
 */
public final class TestIdentity {

    private static final Duration TTL = Duration.ofHours(1);

    private static DevIssuer issuer;
    private static DevIssuerServer server;

    private TestIdentity() {
    }

    private static synchronized DevIssuer issuer() {
        if (issuer == null) {
            DevIssuer created = DevIssuer.generate("https://dev-issuer.bothy.test");
            DevIssuerServer started = DevIssuerServer.start(created, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-identity-shutdown"));
            issuer = created;
            server = started;
        }
        return issuer;
    }

    /** The issuer's JWKS address, for {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public static String jwksUri() {
        issuer();
        return server.jwksUri().toString();
    }

    /** The {@code iss} every test token carries. */
    public static String issuerName() {
        return issuer().issuer();
    }

    /** A token for a worker of {@code organisation}. */
    public static String worker(String organisation) {
        return token(DevRole.WORKER, organisation);
    }

    /** A token for a worker of {@code organisation} with a subject of the test's choosing, the same across tokens. */
    public static String worker(String organisation, String subject) {
        return issuer().mint(DevRole.WORKER, organisation, subject, TTL);
    }

    /** A token for a team lead of {@code organisation}. */
    public static String lead(String organisation) {
        return token(DevRole.LEAD, organisation);
    }

    /** A token for a place lead (a system steward). */
    public static String placeLead() {
        return token(DevRole.PLACE_LEAD, null);
    }

    /** A token for someone speaking for the statutory body {@code body}. */
    public static String statutory(String body) {
        return token(DevRole.STATUTORY, body);
    }

    /** A token for an administrator. */
    public static String admin() {
        return token(DevRole.ADMIN, null);
    }

    /** A token for {@code role}, scoped to an organisation or statutory body where the role needs one. */
    public static String token(DevRole role, String scope) {
        return issuer().mint(role, scope, "test-" + role.claimValue() + "-" + UUID.randomUUID(), TTL);
    }

    /** The {@code Authorization} header value for {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
