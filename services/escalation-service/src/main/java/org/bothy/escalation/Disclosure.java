package org.bothy.escalation;

import org.bothy.escalation.candidate.DisclosureSettings;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one disclosure control of the service, at {@code bothy.escalation.disclosure-threshold}: every count of people
 * that leaves the place leads' hands (feeds, evidence packs, accountability) passes through it.
 */
@Configuration(proxyBeanMethods = false)
public class Disclosure {

    @Bean
    DisclosureControl disclosureControl(DisclosureSettings settings) {
        return new DisclosureControl(settings.disclosureThreshold());
    }

    /** The sentence printed under counts of people, saying what is hidden at this threshold. */
    public static String note(DisclosureControl disclosure) {
        if (disclosure.threshold() <= 1) {
            return "Counts of people are shown as they are.";
        }
        String range = disclosure.threshold() == 2 ? "of 1" : "from 1 to " + (disclosure.threshold() - 1);
        return "Counts of people " + range + " are shown as " + disclosure.smallMark()
                + ", so that nobody can be recognised from them.";
    }
}
