package org.bothy.partner.learning;

import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /learning-cycles/{id}/learning}. With {@code forOtherScales} true, the patterns and the
 * learning for other scales are written for sharing and leave this organisation.
 */
public record LearningRequest(
        @Size(max = 8000) String patterns,
        @Size(max = 8000) String learningForThisScale,
        @Size(max = 8000) String learningForOtherScales,
        @Size(max = 8000) String embedding,
        @Size(max = 8000) String influencing,
        Boolean forOtherScales) {

    CycleLearning learning() {
        return new CycleLearning(patterns, learningForThisScale, learningForOtherScales, embedding, influencing,
                Boolean.TRUE.equals(forOtherScales));
    }
}
