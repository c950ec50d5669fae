package org.bothy.partner.issue;

import java.time.Instant;
import java.util.List;

/**
 * One change made to an issue after the version an editor held: at which version, what kind of change
 * ({@code edited}, {@code evidence-linked}, {@code closed}, {@code reopened}) and, for an edit, which columns.
 */
public record IssueChangeSince(long version, String change, List<String> fields, Instant at) {
}
