package org.bothy.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pseudonymiser reproduces the published vectors (computed independently with openssl) and normalises names. */
class PseudonymiserTest {

    private static final JsonNode VECTORS = vectors();
    private static final Pseudonymiser PSEUDONYMISER = Pseudonymiser.fromBase64(VECTORS.path("keyBase64").asText());

    static List<JsonNode> publishedVectors() {
        List<JsonNode> list = new ArrayList<>();
        VECTORS.path("vectors").forEach(list::add);
        return list;
    }

    @ParameterizedTest
    @MethodSource("publishedVectors")
    void reproducesThePublishedVector(JsonNode vector) {
        String name = vector.path("fullName").asText();

        assertThat(Pseudonymiser.normaliseName(name)).isEqualTo(vector.path("normalisedName").asText());
        assertThat(PSEUDONYMISER.pseudonym(name, LocalDate.parse(vector.path("dateOfBirth").asText())))
                .isEqualTo(vector.path("pseudonym").asText());
    }

    @Test
    void theVectorsCoverTheSamePersonAndDifferentPeople() {
        // Nine spellings, four people: the same-person variants must collapse, the others must not.
        assertThat(publishedVectors()).hasSize(9);
        assertThat(publishedVectors().stream().map(v -> v.path("pseudonym").asText()).distinct()).hasSize(4);
    }

    @Test
    void theSamePersonAtTwoDoorsGetsOnePseudonym() {
        LocalDate dob = LocalDate.of(1990, 4, 12);
        String reference = PSEUDONYMISER.pseudonym("Mairi Anne MacLeod", dob);

        assertThat(PSEUDONYMISER.pseudonym("  mairi\u00a0ANNE   Macleod", dob)).isEqualTo(reference);
        assertThat(PSEUDONYMISER.pseudonym("M\u00e0iri Anne MacLe\u00f2d", dob)).isEqualTo(reference);
        assertThat(PSEUDONYMISER.pseudonym("Mairi Anne MacLeod", dob.plusDays(1))).isNotEqualTo(reference);
        assertThat(reference).matches("[0-9a-f]{64}");
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        Pseudonymiser other = new Pseudonymiser(new byte[32]);

        assertThat(other.pseudonym("Mairi Anne MacLeod", LocalDate.of(1990, 4, 12)))
                .isNotEqualTo(PSEUDONYMISER.pseudonym("Mairi Anne MacLeod", LocalDate.of(1990, 4, 12)));
    }

    @Test
    void refusesShortKeysBlankNamesAndMissingDates() {
        assertThatThrownBy(() -> new Pseudonymiser(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> Pseudonymiser.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> PSEUDONYMISER.pseudonym("  \t ", LocalDate.of(1990, 4, 12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> PSEUDONYMISER.pseudonym("Mairi", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date of birth");
        assertThat(PSEUDONYMISER.toString()).doesNotContain(VECTORS.path("keyBase64").asText());
    }

    private static JsonNode vectors() {
        try (InputStream in = PseudonymiserTest.class.getClassLoader().getResourceAsStream("pseudonymiser-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
