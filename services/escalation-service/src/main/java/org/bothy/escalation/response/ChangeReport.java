package org.bothy.escalation.response;

/** A body's report of a change made: what changed, and the day it took effect (YYYY-MM-DD). */
public record ChangeReport(String description, String madeOn) {
}
