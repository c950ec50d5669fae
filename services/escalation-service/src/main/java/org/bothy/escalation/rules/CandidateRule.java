package org.bothy.escalation.rules;

import jakarta.validation.constraints.Positive;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The consortium's rule for proposing an escalation candidate: a barrier caused by one system actor,
 * met by at least {@code minPeople} people across at least {@code minOrganisations} organisations in the
 * last {@code windowDays} days. It only proposes: place leads decide.
 */
@Validated
@ConfigurationProperties("bothy.escalation.rule")
public record CandidateRule(
        @DefaultValue("3") @Positive int minPeople,
        @DefaultValue("2") @Positive int minOrganisations,
        @DefaultValue("90") @Positive int windowDays) {

    /** What the rule makes of one signal: the counts it judged, and whether they propose a candidate. */
    public record Judgement(int people, int organisations, boolean proposes) {
    }

    /**
     * Judges the signal's window of {@code windowDays}; a signal that carries no such window is judged on
     * its totals, which can only overstate a window, so the place lead sees the counts it was judged on.
     */
    public Judgement judge(EvidenceSignal signal) {
        WindowCount counts = signal.windows().stream()
                .filter(window -> window.days() == windowDays)
                .findFirst()
                .orElseGet(() -> new WindowCount(windowDays, signal.people(), signal.organisations()));
        boolean proposes = counts.people() >= minPeople && counts.organisations() >= minOrganisations;
        return new Judgement(counts.people(), counts.organisations(), proposes);
    }
}
