package org.bothy.escalation.rules;

import jakarta.validation.constraints.Positive;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The consortium's rule for proposing an escalation candidate: a barrier caused by one system actor,
 * met by at least {@code minPeople} people across at least {@code minOrganisations} organisations in the
 * last {@code windowDays} days. It only proposes: place leads decide.
 *
 * <p>The rule decides on what the signal lets it be sure of. The place publishes counts after disclosure control: a
 * count shown as {@code <5} is somewhere from 1 to 4, so it meets a people threshold of 1 and no higher one; a count
 * hidden as {@code *} is at least the largest count shown for a shorter window. So a rule whose {@code minPeople} is
 * above 1 and below the place's disclosure threshold waits until the window's count reaches that threshold; set
 * {@code minPeople} at or above it (the default, 5, is the consortium's threshold).
 */
@Validated
@ConfigurationProperties("bothy.escalation.rule")
public record CandidateRule(
        @DefaultValue("5") @Positive int minPeople,
        @DefaultValue("2") @Positive int minOrganisations,
        @DefaultValue("90") @Positive int windowDays) {

    /**
     * What the rule makes of one signal: the counts it judged (people: the fewest it can be sure of; peopleShown: as
     * the place published it), and whether they propose a candidate.
     */
    public record Judgement(int people, String peopleShown, int organisations, boolean proposes) {
    }

    /**
     * Judges the signal's window of {@code windowDays}; a signal that carries no such window is judged on
     * its totals, which can only overstate a window, so the place lead sees the counts it was judged on.
     */
    public Judgement judge(EvidenceSignal signal) {
        String shown = signal.windows().stream()
                .filter(window -> window.days() == windowDays)
                .findFirst()
                .map(window -> window.people().shown())
                .orElseGet(() -> signal.people().shown());
        int people = signal.peopleAtLeast(windowDays);
        int organisations = signal.organisationsAtLeast(windowDays);
        return new Judgement(people, shown, organisations, people >= minPeople && organisations >= minOrganisations);
    }
}
