package org.bothy.partner.issue;

/**
 * Private event: the issue as it now stands is to be shared with the place. It carries the whole snapshot, with a
 * revision that grows with every change, so that the publisher can translate it alone and the place can keep the
 * newest. Only counts of the journeys and barriers it rests on are in it: their ids stay here.
 */
public record IssueSharedWithPlace(
        String issueId,
        long revision,
        IssueContent content,
        IssueStatus status,
        int journeys,
        int barriers) {
}
