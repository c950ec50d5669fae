package org.bothy.partner.learning;

/**
 * What a learning cycle has learnt: the patterns seen, learning for its own scale and for other scales, how business
 * as usual changes (embedding) and how others' must (influencing). When {@code forOtherScales} is set, the patterns
 * and the learning for other scales are written for sharing and leave this organisation.
 */
public record CycleLearning(
        String patterns,
        String learningForThisScale,
        String learningForOtherScales,
        String embedding,
        String influencing,
        boolean forOtherScales) {
}
