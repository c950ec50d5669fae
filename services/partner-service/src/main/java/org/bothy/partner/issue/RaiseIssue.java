package org.bothy.partner.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to raise an issue in this organisation's issue log; a worker or a lead may. */
public record RaiseIssue(@TargetAggregateIdentifier String issueId, IssueContent content) {
}
