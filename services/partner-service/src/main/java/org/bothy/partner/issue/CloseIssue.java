package org.bothy.partner.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks to close an issue: a lead's decision that it has been dealt with. */
public record CloseIssue(
        @TargetAggregateIdentifier String issueId,
        @TargetAggregateVersion Long expectedVersion,
        ActingAs by) {
}
