package org.bothy.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Tokens verified by the real issuer's keys are remembered until they expire, and nothing else is. */
class RememberedTokensTest {

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger verifications = new AtomicInteger();
    private JwtDecoder verifying;

    @BeforeEach
    void setUp() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(TestIdentity.jwksUri()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        verifying = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void theSameTokenIsVerifiedOnceAndAnsweredWithTheSameClaims() {
        RememberedTokens tokens = new RememberedTokens(verifying, 100, clock);
        String token = TestIdentity.worker("fresh-start", "worker-ailsa");

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("worker-ailsa").isEqualTo(first.getSubject());
        assertThat(second.getClaimAsStringList("roles")).containsExactly("worker");
        assertThat(second.getTokenValue()).isEqualTo(token);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        RememberedTokens tokens = new RememberedTokens(verifying, 100, clock);
        String token = TestIdentity.worker("fresh-start");
        Instant expiresAt = tokens.decode(token).getExpiresAt();

        clock.moveTo(expiresAt.plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTamperedTokenIsRefusedEveryTimeAndNeverRemembered() {
        RememberedTokens tokens = new RememberedTokens(verifying, 100, clock);
        String token = TestIdentity.worker("fresh-start");
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String otherClaims = TestIdentity.lead("fresh-start").split("\\.")[1];
        String forged = parts[0] + "." + otherClaims + "." + parts[2];

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void noMoreTokensAreHeldThanTheCapacity() {
        RememberedTokens tokens = new RememberedTokens(verifying, 2, clock);

        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode(TestIdentity.worker("fresh-start", "worker-" + i)).getSubject())
                    .isEqualTo("worker-" + i);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(2);
        assertThat(verifications).hasValue(5);
    }

    /** The system's clock, until the test moves it on. */
    private static final class MovableClock extends Clock {

        private volatile Duration ahead = Duration.ZERO;

        void moveTo(Instant instant) {
            ahead = Duration.between(Instant.now(), instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}
