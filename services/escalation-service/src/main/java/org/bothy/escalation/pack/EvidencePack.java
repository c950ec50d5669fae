package org.bothy.escalation.pack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the statutory body is shown about one escalation, as printed and as JSON: the pattern, its counts after
 * disclosure control (a count of people below the threshold, 1 to 4 at the default 5, is {@code "<5"} and never
 * appears as a number), the trend, the
 * issue-log entries and learning summaries behind it, what was asked, and the history so far.
 */
public record EvidencePack(
        UUID escalationId,
        String status,
        Pattern pattern,
        Party body,
        String question,
        Instant raisedAt,
        LocalDate dueBy,
        String people,
        int organisations,
        List<TrendPoint> trend,
        List<IssueEntry> issueLog,
        List<LearningSummary> learningSummaries,
        List<Step> history,
        String disclosureNote,
        Instant generatedAt) {

    /** The barrier and the system actor that causes it, by code and by the label people read. */
    public record Pattern(String key, String theme, String themeLabel, String systemActor, String systemActorLabel) {
    }

    /** A statutory body by code and by name. */
    public record Party(String code, String label) {
    }

    /**
     * People and organisations that met the pattern within the last {@code days} days; {@code peopleCount} is the
     * number only when it may be shown ({@code null} when suppressed), {@code people} is what is printed.
     */
    public record TrendPoint(int days, String people, Integer peopleCount, int organisations) {
    }

    /** An entry of a partner's issue log about this pattern, in the words written for sharing. */
    public record IssueEntry(String organisation, String description, int level, String status, String owner,
                             String countermeasure, String systemChange, Instant publishedAt) {
    }

    /** What a partner learnt about this theme, in the words written for sharing. */
    public record LearningSummary(String organisation, String summary, Instant concludedAt) {
    }

    /** One step of the record so far: when, what kind, and a sentence saying what happened. */
    public record Step(Instant at, String kind, String text) {
    }
}
