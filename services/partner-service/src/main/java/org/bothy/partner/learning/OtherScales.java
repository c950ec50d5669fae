package org.bothy.partner.learning;

/**
 * The rule for what a learning cycle shares: once its learning is marked for other scales, its patterns and its
 * learning for other scales are shared, and shared again whenever they, its question or its connections change.
 */
final class OtherScales {

    private OtherScales() {
    }

    /** Whether learning recorded like this is shared with other scales. */
    static boolean shares(CycleLearning learning) {
        return learning != null && learning.forOtherScales();
    }

    /** Refuses learning marked for other scales that has nothing to share. */
    static void check(CycleLearning learning) {
        if (!shares(learning)) {
            return;
        }
        if (blank(learning.patterns())) {
            throw new InvalidLearningCycle("patterns", "must be written (for sharing) when the learning is marked "
                    + "for other scales");
        }
        if (blank(learning.learningForOtherScales())) {
            throw new InvalidLearningCycle("learningForOtherScales", "must be written (for sharing) when the "
                    + "learning is marked for other scales");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
