package org.bothy.kernel.contract.learning;

import java.time.Instant;
import java.util.List;

/**
 * A full snapshot of one issue in a partner's issue log; every change publishes a new snapshot with a higher revision,
 * and the highest revision seen is the truth. Description, countermeasure and system change are written for sharing.
 */
public record IssuePublished(
        String eventId,
        Instant occurredAt,
        String organisation,
        String issueId,
        int revision,
        String description,
        int level,
        String status,
        String owner,
        String countermeasure,
        String systemChange,
        List<String> themes,
        List<String> systemActors,
        int barrierCount,
        int journeyCount) implements OrganisationLearning {

    public IssuePublished {
        themes = themes == null ? null : List.copyOf(themes);
        systemActors = systemActors == null ? null : List.copyOf(systemActors);
    }

    @Override
    public String subject() {
        return issueId;
    }
}
