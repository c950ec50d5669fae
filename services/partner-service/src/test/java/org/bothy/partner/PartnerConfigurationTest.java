package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bothy.kernel.codes.Codes;
import org.junit.jupiter.api.Test;

/** A deployment configured for an organisation the consortium does not know, or with a bad key, refuses to start. */
class PartnerConfigurationTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final PartnerConfiguration configuration = new PartnerConfiguration();

    @Test
    void aKnownOrganisationIsServed() {
        assertThat(configuration.partnerOrganisation(new PartnerProperties("spartans", KEY), Codes.northEdinburgh()))
                .isEqualTo(new PartnerOrganisation("spartans"));
    }

    @Test
    void anUnknownOrganisationStopsTheStartWithTheValidOnes() {
        assertThatThrownBy(() -> configuration.partnerOrganisation(new PartnerProperties("hogwarts", KEY),
                Codes.northEdinburgh()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bothy.organisation")
                .hasMessageContaining("hogwarts")
                .hasMessageContaining("fresh-start");
    }

    @Test
    void aShortKeyStopsTheStartWithoutShowingTheKey() {
        String shortKey = "c2hvcnQ=";
        assertThatThrownBy(() -> configuration.pseudonymiser(new PartnerProperties("spartans", shortKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bothy.pseudonym-key")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void theKeyNeverShowsInTheProperties() {
        assertThat(new PartnerProperties("spartans", KEY).toString()).doesNotContain(KEY);
    }
}
