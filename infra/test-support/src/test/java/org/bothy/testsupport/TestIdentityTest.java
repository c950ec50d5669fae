package org.bothy.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class TestIdentityTest {

    private static JWTClaimsSet verifyAgainstServedKeys(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(TestIdentity.jwksUri()).toURL()).build()));
        return processor.process(token, null);
    }

    @Test
    void tokens_for_each_role_verify_against_the_served_jwks_and_carry_their_scope() throws Exception {
        JWTClaimsSet worker = verifyAgainstServedKeys(TestIdentity.worker("fresh-start"));
        JWTClaimsSet lead = verifyAgainstServedKeys(TestIdentity.lead("move-on"));
        JWTClaimsSet placeLead = verifyAgainstServedKeys(TestIdentity.placeLead());
        JWTClaimsSet statutory = verifyAgainstServedKeys(TestIdentity.statutory("dwp"));
        JWTClaimsSet admin = verifyAgainstServedKeys(TestIdentity.admin());

        assertThat(worker.getStringListClaim("roles")).containsExactly("worker");
        assertThat(worker.getStringClaim("org")).isEqualTo("fresh-start");
        assertThat(lead.getStringListClaim("roles")).containsExactly("lead");
        assertThat(lead.getStringClaim("org")).isEqualTo("move-on");
        assertThat(placeLead.getStringListClaim("roles")).containsExactly("place-lead");
        assertThat(statutory.getStringClaim("body")).isEqualTo("dwp");
        assertThat(admin.getStringListClaim("roles")).containsExactly("admin");
        assertThat(worker.getIssuer()).isEqualTo(TestIdentity.issuerName());
    }

    @Test
    void bearer_prefixes_the_token() {
        assertThat(TestIdentity.bearer("abc")).isEqualTo("Bearer abc");
    }
}
