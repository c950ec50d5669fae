package org.bothy.place.learning;

/**
 * One entry of the learning library: an experiment's learning summary ({@code kind} experiment, with its theme) or a
 * learning cycle's question, patterns and learning ({@code kind} cycle, with its scale), ranked against the search.
 */
public record LearningEntry(String kind, String organisation, String id, String theme, String scale, String text,
                            String publishedAt, double rank) {
}
