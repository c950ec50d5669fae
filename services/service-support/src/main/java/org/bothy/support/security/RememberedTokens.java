package org.bothy.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified until they expire, so that a client sending the same
 * bearer token with every request pays for parsing, the RSA signature check and the claim conversion once.
 *
 * <p>Safe because the key is the whole token: the same characters are the same header, claims and signature, which
 * the delegate has already verified. Expiry is checked again on every use; a remembered token past its {@code exp}
 * is forgotten and handed to the delegate, which refuses it by its own rule (clock skew included). A token without
 * {@code exp} is never remembered, nor is anything the delegate refused. What this gives up: a token signed by a
 * key that the issuer withdraws is accepted until it expires, as it already was for as long as the delegate cached
 * the issuer's key set.
 */
public final class RememberedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** Remembers at most {@code capacity} tokens that {@code delegate} verified, judging expiry by {@code clock}. */
    public RememberedTokens(JwtDecoder delegate, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("remember at least one token, or do not wrap the decoder");
        }
        this.delegate = delegate;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt remembered = verified.get(token);
        if (remembered != null) {
            if (now.isBefore(remembered.getExpiresAt())) {
                return remembered;
            }
            verified.remove(token, remembered);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            makeRoom(now);
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many tokens are remembered now. */
    public int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        if (verified.size() < capacity) {
            return;
        }
        verified.values().removeIf(jwt -> !now.isBefore(jwt.getExpiresAt()));
        // still full of live tokens: forget an arbitrary share rather than grow; they are verified again when used
        Iterator<String> tokens = verified.keySet().iterator();
        while (verified.size() >= capacity && tokens.hasNext()) {
            tokens.next();
            tokens.remove();
        }
    }
}
