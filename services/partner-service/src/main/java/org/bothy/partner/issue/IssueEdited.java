package org.bothy.partner.issue;

import java.util.List;

/** Private event: an issue's content changed; {@code content} is all of it now, {@code changed} names what moved. */
public record IssueEdited(String issueId, IssueContent content, List<String> changed) {
}
