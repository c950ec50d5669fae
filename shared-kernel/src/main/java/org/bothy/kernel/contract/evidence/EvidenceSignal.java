package org.bothy.kernel.contract.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The current evidence for one theme and system actor across the place, published on every change (the topic is
 * compacted by pattern key): people and organisations in all and within recent windows, first and last seen, and the
 * pattern's recent shared learning. Written as v2; v1 records (raw counts, no learning) are read as counts shown in
 * full at a threshold of 1, with no learning.
 *
 * <p>Every count is disclosure-controlled at {@code disclosureThreshold} so that no reader can recover a suppressed
 * count of people:
 * <ul>
 *   <li>People from 1 to threshold - 1 are shown as {@code "<threshold"}, with no value.</li>
 *   <li>The windows and the total count nested sets of people, so their differences are counts of people too; the
 *       chain from the shortest window to the total has secondary suppression ({@code "*"}) wherever two shown counts
 *       would differ by less than the threshold ({@link CountDisclosure}).</li>
 *   <li>Organisations are counts of the consortium's member organisations, not of people, and are shown as they are
 *       (as v1 of {@link IssueSignal} already did). They cannot give a hidden count of people back: the only thing an
 *       organisation count says about people is whether there were any (no organisations exactly when no people), and
 *       0 is never hidden. More organisations need not mean more people (one person seen at two doors counts two
 *       organisations), and a wider window with more organisations may hold no one new.</li>
 * </ul>
 * What this does not cover: differences between successive signals of one pattern (a count that grows by one from
 * one signal to the next), or between a pattern and an issue that spans it. The signal goes to the consortium's own
 * escalation service; what reaches a statutory body passes through disclosure control again there.
 *
 * <p>{@code learning} holds up to a few of the most recent learning summaries, written for sharing, from concluded
 * experiments in journeys that met this barrier; never a private note.
 */
public record EvidenceSignal(
        String eventId,
        Instant occurredAt,
        String patternKey,
        String theme,
        String systemActor,
        int disclosureThreshold,
        DisclosedCount people,
        DisclosedCount organisations,
        List<WindowCount> windows,
        Instant firstSeen,
        Instant lastSeen,
        List<SharedLearning> learning) implements EvidenceEvent {

    public EvidenceSignal {
        windows = windows == null ? List.of() : List.copyOf(windows);
        learning = learning == null ? List.of() : List.copyOf(learning);
    }

    /** The v1 shape: raw counts, read as shown in full at a threshold of 1, with no learning. */
    public EvidenceSignal(String eventId, Instant occurredAt, String patternKey, String theme, String systemActor,
                          int people, int organisations, List<WindowCount> windows, Instant firstSeen, Instant lastSeen) {
        this(eventId, occurredAt, patternKey, theme, systemActor, 1, DisclosedCount.of(people),
                DisclosedCount.of(organisations), windows, firstSeen, lastSeen, List.of());
    }

    /** The key of a pattern, {@code theme:systemActor}; also the Kafka key and ce_subject. */
    public static String patternKey(String theme, String systemActor) {
        return theme + ":" + systemActor;
    }

    @Override
    public String subject() {
        return patternKey;
    }

    /**
     * The fewest people a reader can be sure met the pattern in the last {@code days} days (in all, when the signal
     * has no such window): the count when shown, otherwise the largest count shown for a shorter window, at least 1.
     */
    public int peopleAtLeast(int days) {
        return windows.stream().filter(window -> window.days() == days).findFirst()
                .map(window -> CountDisclosure.atLeast(window.people(), within(days).stream().map(WindowCount::people).toList()))
                .orElseGet(this::peopleAtLeast);
    }

    /** The fewest organisations a reader can be sure saw the pattern in the last {@code days} days (or in all). */
    public int organisationsAtLeast(int days) {
        return windows.stream().filter(window -> window.days() == days).findFirst()
                .map(window -> CountDisclosure.atLeast(window.organisations(),
                        within(days).stream().map(WindowCount::organisations).toList()))
                .orElseGet(() -> CountDisclosure.atLeast(organisations, windows.stream().map(WindowCount::organisations).toList()));
    }

    /** The fewest organisations a reader can be sure saw the pattern at all. */
    public int organisationsAtLeast() {
        return CountDisclosure.atLeast(organisations, windows.stream().map(WindowCount::organisations).toList());
    }

    /** The fewest people a reader can be sure met the pattern at all. */
    public int peopleAtLeast() {
        return CountDisclosure.atLeast(people, windows.stream().map(WindowCount::people).toList());
    }

    private List<WindowCount> within(int days) {
        return windows.stream().filter(window -> window.days() < days).toList();
    }
}
