package org.bothy.escalation.rules;

import java.util.List;
import org.bothy.kernel.contract.evidence.EvidenceSignal;

/**
 * The consortium's thresholds, as place leads set them: a rule per theme and system actor, per system actor, or per
 * theme, and a default. The most specific rule that matches a pattern judges it.
 */
public record CandidateRules(CandidateRule defaultRule, List<Specific> specific) {

    public CandidateRules {
        specific = List.copyOf(specific);
    }

    /** A rule for patterns of one theme and/or one system actor (null matches any). */
    public record Specific(String theme, String systemActor, CandidateRule rule) {

        boolean matches(String patternTheme, String patternActor) {
            return (theme == null || theme.equals(patternTheme)) && (systemActor == null || systemActor.equals(patternActor));
        }

        int specificity() {
            return (theme != null ? 1 : 0) + (systemActor != null ? 2 : 0);
        }
    }

    /** The rule for a pattern: theme and actor, then actor, then theme, then the default. */
    public CandidateRule ruleFor(String theme, String systemActor) {
        return specific.stream()
                .filter(rule -> rule.matches(theme, systemActor))
                .max((a, b) -> Integer.compare(a.specificity(), b.specificity()))
                .map(Specific::rule)
                .orElse(defaultRule);
    }

    /** Judges a signal by the rule for its pattern. */
    public CandidateRule.Judgement judge(EvidenceSignal signal) {
        return ruleFor(signal.theme(), signal.systemActor()).judge(signal);
    }
}
