package org.bothy.kernel.codes;

/** The scale a learning cycle runs at: person, team, organisation, consortium or place. */
public record LearningCycleScale(String code, String label, String description) {
}
