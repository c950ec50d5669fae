package org.bothy.escalation.candidate;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bothy.escalation.disclosure-threshold}: counts of people from 1 to threshold-1 are shown as {@code <threshold}
 * wherever a count may leave the place leads' hands (default 5, the consortium's).
 */
@Validated
@ConfigurationProperties("bothy.escalation")
public record DisclosureSettings(@DefaultValue("5") @Positive int disclosureThreshold) {
}
