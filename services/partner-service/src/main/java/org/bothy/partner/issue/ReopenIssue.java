package org.bothy.partner.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks to reopen a closed issue because it is happening again; a worker or a lead may. */
public record ReopenIssue(
        @TargetAggregateIdentifier String issueId,
        @TargetAggregateVersion Long expectedVersion) {
}
