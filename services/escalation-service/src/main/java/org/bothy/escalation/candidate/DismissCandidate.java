package org.bothy.escalation.candidate;

/** A place lead's dismissal, with the reason it should not go to the body now. */
public record DismissCandidate(String reason) {
}
