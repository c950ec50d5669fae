package org.bothy.escalation.candidate;

/** A place lead's acceptance: the question for the body and, optionally, the date an answer is due (YYYY-MM-DD). */
public record AcceptCandidate(String question, String dueBy) {
}
