package org.bothy.partner.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bothy.partner.journey.contact.CostOfSupport;
import org.bothy.partner.journey.system.SystemGraph;

/**
 * A journey as a worker of this organisation sees it: everything recorded on it, private notes included.
 *
 * @param status  {@code OPEN} or {@code CLOSED}
 * @param version the journey's version, for {@code If-Match} on the next change
 */
public record JourneyView(
        String journeyId,
        String pseudonym,
        String door,
        Instant openedAt,
        String status,
        Instant closedAt,
        List<Barrier> barriers,
        long version,
        String whatMatters,
        SystemGraph system,
        List<Conversation> conversations,
        List<Experiment> experiments,
        List<Contact> contacts,
        List<SoftMeasure> softMeasures,
        String closingWords,
        CostOfSupport cost) {

    /** One barrier as it was recorded. */
    public record Barrier(
            String barrierId,
            String theme,
            String systemActor,
            int level,
            String note,
            Instant recordedAt,
            LocalDate observedOn) {

        /** A barrier whose day of observation was not kept. */
        public Barrier(String barrierId, String theme, String systemActor, int level, String note,
                       Instant recordedAt) {
            this(barrierId, theme, systemActor, level, note, recordedAt, null);
        }
    }

    /** A conversation and its private note. */
    public record Conversation(String conversationId, LocalDate heldOn, String note, Instant recordedAt) {
    }

    /** An experiment: what was tried, and once concluded, what came of it. */
    public record Experiment(String experimentId, String theme, String question, String actions,
                             String dataToCollect, String safeToFail, String countermeasures, Instant startedAt,
                             String outcome, String learning, String learningSummary, Instant concludedAt) {
    }

    /** A contact, with its minutes and spend. */
    public record Contact(String contactId, String kind, LocalDate on, int minutes, long spendPence, String spentOn,
                          Instant recordedAt) {
    }

    /** A score the person gave themselves. */
    public record SoftMeasure(String measureId, String dimension, int score, LocalDate scoredOn, Instant recordedAt) {
    }
}
