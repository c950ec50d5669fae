package org.bothy.partner.referral;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bothy.partner.person.DetailsCipher;
import org.bothy.partner.person.DetailsUnreadable;
import org.bothy.partner.person.PersonKeys;
import org.springframework.stereotype.Component;

/**
 * Seals the free text of a referral (its reason, the partner's answer) under the person's own key before it enters
 * the event store, so that erasing the person leaves it unreadable there, as it does their details.
 */
@Component
public class SealedForPerson {

    private final DetailsCipher cipher = new DetailsCipher();
    private final PersonKeys keys;

    public SealedForPerson(PersonKeys keys) {
        this.keys = keys;
    }

    /** {@code text} sealed under the person's key; empty once the person is erased (their key is gone). */
    public Optional<String> seal(String personId, String text) {
        return keys.find(personId).map(key -> cipher.seal(key, personId, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text sealed under the person's key; empty when nothing was sealed or the person is erased. */
    public Optional<String> open(String personId, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        return keys.find(personId).map(key -> {
            try {
                return new String(cipher.open(key, personId, sealed), StandardCharsets.UTF_8);
            } catch (DetailsUnreadable unreadable) {
                throw new IllegalStateException("a referral's text does not open under its person's key");
            }
        });
    }
}
