package org.bothy.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
        assertThat(judgement).isEqualTo(new CandidateRule.Judgement(3, 2, true));
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
                .isEqualTo(new CandidateRule.Judgement(3, 2, true));
        assertThat(rule.judge(signal(2, 2, List.of())).proposes()).isFalse();
    }

    @Test
    void theThresholdsComeFromConfiguration() {
        var lenient = new CandidateRule(2, 2, 30);
        assertThat(lenient.judge(signal(2, 2, List.of(new WindowCount(30, 2, 2)))).proposes()).isTrue();
    }
}
