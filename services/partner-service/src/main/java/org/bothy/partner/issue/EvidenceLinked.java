package org.bothy.partner.issue;

/** Private event: an issue now rests on a journey of this organisation, and on one barrier of it when named. */
public record EvidenceLinked(String issueId, String journeyId, String barrierId) {
}
