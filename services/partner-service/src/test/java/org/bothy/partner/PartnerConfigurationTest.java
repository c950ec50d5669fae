package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bothy.kernel.codes.Codes;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.junit.jupiter.api.Test;

/** A deployment configured for an organisation the consortium does not know, or with a bad key, refuses to start. */
class PartnerConfigurationTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static StandardEnvironment environment(String organisation) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new MapPropertySource("test", Map.of("bothy.organisation", organisation)));
        return environment;
    }

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
    void aMissingOrganisationStopsTheStartSayingWhatIsNeeded() {
        assertThatThrownBy(() -> PartnerOrganisation.configured(null, Codes.northEdinburgh()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bothy.organisation is required")
                .hasMessageContaining("spartans");
    }

    @Test
    void theCheckRunsBeforeAnythingStarts() {
        assertThatThrownBy(() -> new OrganisationCheck().postProcessEnvironment(environment("hogwarts"), null))
                .hasMessageContaining("unknown organisation 'hogwarts'");
        new OrganisationCheck().postProcessEnvironment(environment("move-on"), null);
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
