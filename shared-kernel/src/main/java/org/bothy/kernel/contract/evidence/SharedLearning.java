package org.bothy.kernel.contract.evidence;

import java.time.LocalDate;

/**
 * A learning summary a partner wrote for sharing when it concluded an experiment with someone who met the pattern:
 * which organisation learnt it, the day it was concluded (UTC), and the summary. Never a private note.
 */
public record SharedLearning(String organisation, LocalDate concludedOn, String summary) {
}
