package org.bothy.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.junit.jupiter.api.Test;

class CandidateRuleTest {

    private final CandidateRule rule = new CandidateRule(3, 2, 90);

    private static EvidenceSignal signal(int people, int organisations, List<WindowCount> windows) {
        Instant now = Instant.parse("2025-03-03T10:00:00Z");
        return new EvidenceSignal(UUID.randomUUID().toString(), now, "housing:council-housing", "housing",
                "council-housing", people, organisations, windows, now.minusSeconds(3600), now);
    }

    @Test
    void enoughPeopleAcrossEnoughOrganisationsInTheWindowProposeACandidate() {
        var judgement = rule.judge(signal(5, 3, List.of(new WindowCount(30, 1, 1), new WindowCount(90, 3, 2))));
        assertThat(judgement).isEqualTo(new CandidateRule.Judgement(3, "3", 2, true));
    }

    @Test
    void peopleOutsideTheWindowDoNotCount() {
        var judgement = rule.judge(signal(9, 4, List.of(new WindowCount(90, 2, 2), new WindowCount(365, 9, 4))));
        assertThat(judgement.proposes()).isFalse();
        assertThat(judgement.people()).isEqualTo(2);
    }

    @Test
    void manyPeopleAtOneOrganisationAreNotYetAPlacePattern() {
        assertThat(rule.judge(signal(7, 1, List.of(new WindowCount(90, 7, 1)))).proposes()).isFalse();
    }

    @Test
    void aSignalWithoutTheWindowIsJudgedOnItsTotals() {
        assertThat(rule.judge(signal(3, 2, List.of(new WindowCount(30, 1, 1)))))
                .isEqualTo(new CandidateRule.Judgement(3, "3", 2, true));
        assertThat(rule.judge(signal(2, 2, List.of())).proposes()).isFalse();
    }

    @Test
    void theThresholdsComeFromConfiguration() {
        var lenient = new CandidateRule(2, 2, 30);
        assertThat(lenient.judge(signal(2, 2, List.of(new WindowCount(30, 2, 2)))).proposes()).isTrue();
    }

    /** A v2 signal from a place at disclosure threshold 5: 30 days "<5", 90 days 9, the year hidden, 14 in all. */
    private static EvidenceSignal disclosed() {
        Instant now = Instant.parse("2025-03-03T10:00:00Z");
        List<DisclosedCount> people = new CountDisclosure(5).nested(3, 9, 11, 14);
        return new EvidenceSignal(UUID.randomUUID().toString(), now, "housing:council-housing", "housing", "council-housing",
                5, people.get(3), DisclosedCount.of(3),
                List.of(new WindowCount(30, people.get(0), DisclosedCount.of(2)),
                        new WindowCount(90, people.get(1), DisclosedCount.of(3)),
                        new WindowCount(365, people.get(2), DisclosedCount.of(3))),
                now.minusSeconds(3600), now, List.of());
    }

    @Test
    void aCountShownAsLessThanTheThresholdMeetsNoRuleAboveOne() {
        assertThat(new CandidateRule(3, 2, 30).judge(disclosed()))
                .as("3 people in 30 days arrive as <5: the rule cannot be sure of 3")
                .isEqualTo(new CandidateRule.Judgement(1, "<5", 2, false));
        assertThat(new CandidateRule(1, 2, 30).judge(disclosed()).proposes()).isTrue();
    }

    @Test
    void aCountHiddenAsSecondaryIsAtLeastTheShorterWindowShown() {
        // The year's 11 is hidden as "*"; the 9 shown for 90 days is the least it can be.
        assertThat(new CandidateRule(9, 2, 365).judge(disclosed())).isEqualTo(new CandidateRule.Judgement(9, "*", 3, true));
        assertThat(new CandidateRule(10, 2, 365).judge(disclosed()).proposes()).isFalse();
        assertThat(new CandidateRule(5, 2, 90).judge(disclosed())).isEqualTo(new CandidateRule.Judgement(9, "9", 3, true));
    }
}
