package org.bothy.partner.publishing;

import java.time.Instant;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.partner.issue.IssueContent;
import org.bothy.partner.issue.IssueSharedWithPlace;
import org.bothy.partner.learning.LearningSharedAcrossScales;
import org.bothy.partner.spend.Lm3Calculated;

/**
 * Translates what this organisation decided to share about itself (issues, learning cycles, local spend) into the
 * consortium's contracts: only the text written for sharing and counts go in, never the ids of journeys or barriers.
 */
public final class OrganisationLearningTranslation {

    private final String organisation;

    public OrganisationLearningTranslation(String organisation) {
        this.organisation = organisation;
    }

    /** The snapshot of an issue the place must see; {@code eventId} is the stored event's own id. */
    public IssuePublished issuePublished(String eventId, Instant occurredAt, IssueSharedWithPlace shared) {
        IssueContent content = shared.content();
        return new IssuePublished(eventId, occurredAt, organisation, shared.issueId(),
                Math.toIntExact(shared.revision()), content.description(), content.level(), shared.status().code(),
                content.owner(), content.countermeasure(), content.systemChange(), content.themes(),
                content.systemActors(), shared.barriers(), shared.journeys());
    }

    /** A project's LM3, predicted or actual, under its public name; the spend lines and suppliers stay here. */
    public Lm3Reported lm3Reported(String eventId, Instant occurredAt, Lm3Calculated lm3) {
        return new Lm3Reported(eventId, occurredAt, organisation, lm3.projectId(), lm3.name(), lm3.basis().code(),
                lm3.r1Pence(), lm3.r2Pence(), lm3.r3Pence(), lm3.lm3());
    }

    /** What a learning cycle shares with other scales: its question, patterns and learning, and its connections. */
    public LearningCyclePublished learningCyclePublished(String eventId, Instant occurredAt,
                                                         LearningSharedAcrossScales shared) {
        return new LearningCyclePublished(eventId, occurredAt, organisation, shared.cycleId(),
                Math.toIntExact(shared.revision()), shared.scale(), shared.question(), shared.patterns(),
                shared.learningForOtherScales(), shared.connections());
    }
}
