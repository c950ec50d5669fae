package org.bothy.partner;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which organisation this deployment serves and the consortium key it pseudonymises people with.
 *
 * @param organisation  the organisation's code ({@code bothy.organisation}), e.g. {@code fresh-start}
 * @param pseudonymKey  the consortium's pseudonym key, base64 ({@code bothy.pseudonym-key})
 */
@Validated
@ConfigurationProperties("bothy")
public record PartnerProperties(@NotBlank String organisation, @NotBlank String pseudonymKey) {

    @Override
    public String toString() {
        // the key must never reach a log, even through a failure message that prints this record
        return "PartnerProperties[organisation=" + organisation + ", pseudonymKey=<secret>]";
    }
}
