package org.bothy.partner.learning;

/** Private event: what a learning cycle has learnt is now this. */
public record LearningRecorded(String cycleId, CycleLearning learning) {
}
