package org.bothy.partner.learning;

import java.util.List;

/**
 * How a learning cycle means to learn: its purpose, the question it asks, the actions it will try, the data of any
 * type it will gather, how it will make sense of them together, how it is kept safe to fail, and the countermeasures
 * if it goes wrong. The question is written for sharing.
 */
public record CyclePlan(
        String purpose,
        String question,
        List<String> actions,
        List<String> data,
        String senseMaking,
        String safeToFail,
        String countermeasures) {

    public CyclePlan {
        actions = actions == null ? List.of() : List.copyOf(actions);
        data = data == null ? List.of() : List.copyOf(data);
    }
}
