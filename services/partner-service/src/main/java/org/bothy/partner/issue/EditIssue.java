package org.bothy.partner.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks to change an open issue's content, as the editor saw it at {@code expectedVersion} (null: whatever it is now);
 * if it has moved on since, the edit is refused as a conflict.
 */
public record EditIssue(
        @TargetAggregateIdentifier String issueId,
        @TargetAggregateVersion Long expectedVersion,
        IssueChange change) {
}
