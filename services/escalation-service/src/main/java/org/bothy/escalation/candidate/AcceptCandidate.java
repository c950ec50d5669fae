package org.bothy.escalation.candidate;

/**
 * A place lead's acceptance: the question for the body, optionally the date an answer is due (YYYY-MM-DD), and the
 * statutory body (a code of the code list) when the candidate has none (an issue that names no system actor).
 */
public record AcceptCandidate(String question, String dueBy, String body) {
}
