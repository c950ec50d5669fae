package org.bothy.partner.person;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to register someone: their pseudonym in clear, their identifying details already sealed under their own key,
 * and the consent scopes they give as they register (may be empty).
 */
public record RegisterPerson(@TargetAggregateIdentifier String personId, String pseudonym, String sealedDetails,
                             List<String> consents) {

    public RegisterPerson {
        consents = consents == null ? List.of() : List.copyOf(consents);
    }
}
