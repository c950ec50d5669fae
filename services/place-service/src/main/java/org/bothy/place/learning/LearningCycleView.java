package org.bothy.place.learning;

/** A learning cycle at its latest revision; {@code connectedCycleIds} are separated by spaces. */
public record LearningCycleView(String organisation, String cycleId, int revision, String scale, String question,
                                String patterns, String learningForOtherScales, String connectedCycleIds,
                                String publishedAt) {
}
