package org.bothy.devidentity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A development OAuth2 token issuer: one RSA key that signs tokens for Bothy's roles. Never for production. */
public final class DevIssuer {

    private final RSAKey key;
    private final String issuer;
    private final RSASSASigner signer;

    private DevIssuer(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the issuer's key", e);
        }
    }

    /** A new issuer with a fresh RSA 2048 key and a random key id. */
    public static DevIssuer generate(String issuer) {
        return new DevIssuer(newKey(), issuer);
    }

    /**
     * The issuer whose key is stored in {@code keyFile}, creating and storing a new key if the file is absent,
     * so that tokens minted before a restart of the local stack stay valid after it.
     */
    public static DevIssuer loadOrCreate(Path keyFile, String issuer) {
        try {
            if (Files.exists(keyFile)) {
                return new DevIssuer(RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8)), issuer);
            }
            RSAKey key = newKey();
            store(keyFile, key);
            return new DevIssuer(key, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the issuer key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the issuer key " + keyFile + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static void store(Path keyFile, RSAKey key) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "jwk", ".tmp");
        try {
            // The private key: readable by its owner only, set before the key is written.
            trySetOwnerOnly(tmp);
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the user profile's own ACLs apply.
        }
    }

    /** The {@code iss} this issuer writes into every token. */
    public String issuer() {
        return issuer;
    }

    /** The key id of the signing key. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The JWK set with the public key only, as served at {@code /.well-known/jwks.json}. */
    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /**
     * A signed RS256 token for one role. {@code scope} is the organisation code for a worker or lead, the statutory
     * body code for a statutory partner, and is ignored for a place lead or administrator.
     */
    public String mint(DevRole role, String scope, String subject, Duration ttl) {
        Objects.requireNonNull(role, "role");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token needs a positive time to live");
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(role.claimValue()));
        if (role.needsOrganisation()) {
            claims.claim("org", required(scope, "a " + role.claimValue() + " token needs an organisation (org)"));
        } else if (role.needsBody()) {
            claims.claim("body", required(scope, "a statutory token needs a statutory body (body)"));
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
        return jwt.serialize();
    }

    private static String required(String scope, String reason) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException(reason);
        }
        return scope;
    }
}
