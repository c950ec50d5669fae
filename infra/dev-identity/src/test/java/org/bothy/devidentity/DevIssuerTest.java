package org.bothy.devidentity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevIssuerTest {

    private static JWTClaimsSet verify(String token, String jwksJson) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(jwksJson))));
        return processor.process(token, null);
    }

    @Test
    void a_worker_token_verifies_against_the_jwks_and_carries_role_and_organisation() throws Exception {
        DevIssuer issuer = DevIssuer.generate("http://127.0.0.1:9000");

        String token = issuer.mint(DevRole.WORKER, "fresh-start", "dsw-1", Duration.ofMinutes(5));
        JWTClaimsSet claims = verify(token, issuer.jwksJson());

        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(claims.getSubject()).isEqualTo("dsw-1");
        assertThat(claims.getStringListClaim("roles")).containsExactly("worker");
        assertThat(claims.getStringClaim("org")).isEqualTo("fresh-start");
        assertThat(claims.getClaim("body")).isNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_statutory_token_names_its_body_and_a_place_lead_token_names_neither() throws Exception {
        DevIssuer issuer = DevIssuer.generate("dev");

        JWTClaimsSet statutory = verify(issuer.mint(DevRole.STATUTORY, "dwp", "dwp-1", Duration.ofMinutes(1)),
                issuer.jwksJson());
        JWTClaimsSet placeLead = verify(issuer.mint(DevRole.PLACE_LEAD, "ignored", "steward", Duration.ofMinutes(1)),
                issuer.jwksJson());

        assertThat(statutory.getStringListClaim("roles")).containsExactly("statutory");
        assertThat(statutory.getStringClaim("body")).isEqualTo("dwp");
        assertThat(statutory.getClaim("org")).isNull();
        assertThat(placeLead.getStringListClaim("roles")).containsExactly("place-lead");
        assertThat(placeLead.getClaim("org")).isNull();
        assertThat(placeLead.getClaim("body")).isNull();
    }

    @Test
    void a_worker_or_lead_without_an_organisation_and_a_statutory_partner_without_a_body_are_refused() {
        DevIssuer issuer = DevIssuer.generate("dev");

        assertThatThrownBy(() -> issuer.mint(DevRole.WORKER, null, "x", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org");
        assertThatThrownBy(() -> issuer.mint(DevRole.LEAD, " ", "x", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org");
        assertThatThrownBy(() -> issuer.mint(DevRole.STATUTORY, null, "x", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    }

    @Test
    void the_jwks_holds_no_private_key() {
        String jwks = DevIssuer.generate("dev").jwksJson();

        assertThat(jwks).contains("\"n\"").contains("\"e\"").doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void a_token_from_another_issuer_key_does_not_verify() {
        DevIssuer one = DevIssuer.generate("dev");
        DevIssuer other = DevIssuer.generate("dev");
        String token = other.mint(DevRole.ADMIN, null, "admin", Duration.ofMinutes(1));

        assertThatThrownBy(() -> verify(token, one.jwksJson())).isInstanceOf(Exception.class);
    }

    @Test
    void the_key_is_persisted_owner_only_and_reloaded_with_the_same_key_id(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("dev-issuer/jwk.json");

        DevIssuer first = DevIssuer.loadOrCreate(keyFile, "dev");
        String token = first.mint(DevRole.LEAD, "move-on", "lead-1", Duration.ofMinutes(1));
        DevIssuer second = DevIssuer.loadOrCreate(keyFile, "dev");

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(verify(token, second.jwksJson()).getStringClaim("org")).isEqualTo("move-on");
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void the_mint_command_prints_a_token_signed_with_the_key_file(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("jwk.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = MintToken.run("--key-file", keyFile.toString(), "--role", "worker", "--org", "spartans",
                    "--subject", "coach", "--ttl", "PT1H");
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        JWTClaimsSet claims = verify(token, DevIssuer.loadOrCreate(keyFile, "ignored").jwksJson());
        assertThat(claims.getStringClaim("org")).isEqualTo("spartans");
        assertThat(claims.getSubject()).isEqualTo("coach");
        assertThat(claims.getIssuer()).isEqualTo(MintToken.DEFAULT_ISSUER);
    }

    @Test
    void the_mint_command_refuses_a_worker_without_an_organisation(@TempDir Path dir) {
        PrintStream originalErr = System.err;
        int status;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            status = MintToken.run("--key-file", dir.resolve("jwk.json").toString(), "--role", "worker");
        } finally {
            System.setErr(originalErr);
        }

        assertThat(status).isNotZero();
    }

    @Test
    void roles_are_known_by_claim_value_and_an_unknown_one_is_named() {
        assertThat(DevRole.fromClaimValue("place-lead")).isEqualTo(DevRole.PLACE_LEAD);
        assertThat(Set.of(DevRole.values())).hasSize(5);
        assertThatThrownBy(() -> DevRole.fromClaimValue("mayor")).hasMessageContaining("mayor")
                .hasMessageContaining("place-lead");
    }
}
