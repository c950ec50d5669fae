package org.bothy.localstack.bench;

import java.util.List;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.SystemActor;
import org.bothy.kernel.codes.Theme;

/**
 * Which theme and system actor each barrier is recorded under, so that the place's count of one pattern says exactly
 * how many of its barriers it has applied: a pattern belongs to one phase (warm-up or measured), one organisation
 * and one partition of that organisation's topic, and each of its barriers is a person it has not counted yet. A
 * partition reaches the place in order, so the k-th barrier of a pattern on its topic is visible exactly when the
 * pattern counts k people. Each (phase, organisation, partition) has a few patterns ({@code perPartition}), so that
 * one person can meet one barrier in each of them and fewer people need enrolling.
 */
final class BarrierPatterns {

    /** A pattern as the place counts it. */
    record Pattern(String theme, String systemActor) {

        String key() {
            return theme + ":" + systemActor;
        }
    }

    private final List<String> themes;
    private final List<String> actors;
    private final int partners;
    private final int partitions;
    private final int perPartition;

    BarrierPatterns(Codes codes, int partners, int partitions, int perPartition) {
        this.themes = codes.themes().stream().map(Theme::code).toList();
        this.actors = codes.systemActors().stream().map(SystemActor::code).toList();
        this.partners = partners;
        this.partitions = partitions;
        this.perPartition = perPartition;
        if (perPartition < 1 || 2 * partners * partitions * perPartition > themes.size() * actors.size()) {
            throw new IllegalArgumentException("the code lists have too few patterns for " + partners + " partners x "
                    + partitions + " partitions x " + perPartition + " patterns, in two phases");
        }
    }

    /** The most patterns each (phase, organisation, partition) can have from the code lists. */
    static int mostPerPartition(Codes codes, int partners, int partitions) {
        return codes.themes().size() * codes.systemActors().size() / (2 * partners * partitions);
    }

    /**
     * The {@code slot}-th pattern of a barrier in the given phase, recorded by the {@code partner}-th organisation for a
     * person whose events go to {@code partition}.
     */
    Pattern of(boolean measured, int partner, int partition, int slot) {
        int index = (((measured ? partners : 0) + partner) * partitions + partition) * perPartition + slot;
        return new Pattern(themes.get(index % themes.size()), actors.get(index / themes.size()));
    }

}
