package org.bothy.support.axon;

import org.axonframework.common.IdentifierFactory;
import org.bothy.support.ids.RandomIds;

/**
 * Axon's message identifiers (every command and event gets one) from {@link RandomIds} instead of
 * {@code UUID.randomUUID()}, whose JVM-wide lock Axon otherwise takes several times per command. Found by Axon
 * through {@code META-INF/services}.
 */
public final class RandomIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomIds.next();
    }
}
