package org.bothy.partner.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A person's details open only under their own key, for them, untouched. */
class DetailsCipherTest {

    private static final String PERSON = "5b1f3c9e-2d7a-4c1e-9f00-1a2b3c4d5e6f";
    private static final byte[] DETAILS = "{\"fullName\":\"Morag MacLeod\",\"dateOfBirth\":\"1987-05-14\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final DetailsCipher cipher = new DetailsCipher();

    @Test
    void sealedDetailsOpenUnderTheSameKeyForTheSamePerson() {
        byte[] key = cipher.newKey();
        String sealed = cipher.seal(key, PERSON, DETAILS);

        assertThat(key).hasSize(32);
        assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)).doesNotContain("Morag");
        assertThat(cipher.open(key, PERSON, sealed)).isEqualTo(DETAILS);
    }

    @Test
    void everySealingUsesAFreshIv() {
        byte[] key = cipher.newKey();
        byte[] first = Base64.getDecoder().decode(cipher.seal(key, PERSON, DETAILS));
        byte[] second = Base64.getDecoder().decode(cipher.seal(key, PERSON, DETAILS));

        assertThat(java.util.Arrays.copyOf(first, 12)).isNotEqualTo(java.util.Arrays.copyOf(second, 12));
        assertThat(first).isNotEqualTo(second);
        // IV, ciphertext of the same length as the details, 16-byte tag
        assertThat(first).hasSize(12 + DETAILS.length + 16);
    }

    @Test
    void aChangedByteIsRefused() {
        byte[] key = cipher.newKey();
        byte[] sealed = Base64.getDecoder().decode(cipher.seal(key, PERSON, DETAILS));
        sealed[20] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.open(key, PERSON, tampered)).isInstanceOf(DetailsUnreadable.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void anotherPersonsCiphertextDoesNotPassAsThisPersons() {
        byte[] key = cipher.newKey();
        String sealed = cipher.seal(key, PERSON, DETAILS);

        assertThatThrownBy(() -> cipher.open(key, "another-person", sealed)).isInstanceOf(DetailsUnreadable.class);
    }

    @Test
    void withoutTheKeyNothingOpens() {
        byte[] key = cipher.newKey();
        String sealed = cipher.seal(key, PERSON, DETAILS);
        // the key row deleted: all that is left is a guess at a key
        byte[] guess = cipher.newKey();

        assertThatThrownBy(() -> cipher.open(guess, PERSON, sealed)).isInstanceOf(DetailsUnreadable.class);
        assertThatThrownBy(() -> cipher.open(new byte[32], PERSON, sealed)).isInstanceOf(DetailsUnreadable.class);
    }

    @Test
    void malformedSealedDetailsAreRefused() {
        byte[] key = cipher.newKey();
        assertThatThrownBy(() -> cipher.open(key, PERSON, "not base64!")).isInstanceOf(DetailsUnreadable.class);
        assertThatThrownBy(() -> cipher.open(key, PERSON, "AAAA")).isInstanceOf(DetailsUnreadable.class)
                .hasMessageContaining("too short");
    }
}
