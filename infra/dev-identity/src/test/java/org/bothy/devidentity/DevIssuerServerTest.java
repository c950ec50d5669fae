package org.bothy.devidentity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DevIssuerServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_the_jwks_discovery_and_tokens_that_verify_against_the_served_keys() throws Exception {
        DevIssuer issuer = DevIssuer.generate("http://127.0.0.1:9000");
        try (DevIssuerServer server = DevIssuerServer.start(issuer, 0)) {
            assertThat(server.port()).isPositive();

            HttpResponse<String> jwks = get(server.jwksUri());
            assertThat(jwks.statusCode()).isEqualTo(200);
            RSAKey key = JWKSet.parse(jwks.body()).getKeys().get(0).toRSAKey();
            assertThat(key.getKeyID()).isEqualTo(issuer.keyId());
            assertThat(key.isPrivate()).isFalse();

            HttpResponse<String> discovery = get(server.baseUri().resolve("/.well-known/openid-configuration"));
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"http://127.0.0.1:9000\"")
                    .contains("\"jwks_uri\":\"" + server.jwksUri() + "\"");

            HttpResponse<String> token = post(server.baseUri().resolve("/token?role=lead&org=move-on&subject=lead-7"));
            assertThat(token.statusCode()).isEqualTo(200);
            SignedJWT jwt = SignedJWT.parse(token.body());
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("move-on");
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("lead-7");

            HttpResponse<String> statutory = post(server.baseUri().resolve("/token?role=statutory&body=nhs-lothian"));
            assertThat(SignedJWT.parse(statutory.body()).getJWTClaimsSet().getStringClaim("body"))
                    .isEqualTo("nhs-lothian");
        }
    }

    @Test
    void refuses_a_token_request_without_the_scope_its_role_needs_and_a_get_on_token() throws Exception {
        try (DevIssuerServer server = DevIssuerServer.start(DevIssuer.generate("dev"), 0)) {
            HttpResponse<String> missingOrg = post(server.baseUri().resolve("/token?role=worker"));
            assertThat(missingOrg.statusCode()).isEqualTo(400);
            assertThat(missingOrg.body()).contains("organisation");

            HttpResponse<String> unknownRole = post(server.baseUri().resolve("/token?role=mayor"));
            assertThat(unknownRole.statusCode()).isEqualTo(400);

            assertThat(get(server.baseUri().resolve("/token?role=admin")).statusCode()).isEqualTo(405);
        }
    }
}
