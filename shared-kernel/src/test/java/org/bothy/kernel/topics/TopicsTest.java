package org.bothy.kernel.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Topic names are built from codes, and the learning pattern never picks up the dead-letter topic. */
class TopicsTest {

    @Test
    void namesTopicsFromCodes() {
        assertThat(Topics.learning("fresh-start")).isEqualTo("bothy.learning.fresh-start");
        assertThat(Topics.evidence("dwp")).isEqualTo("bothy.evidence.dwp");
        assertThat(Topics.LEARNING_DLT).isEqualTo("bothy.learning.dlt");
        assertThat(Topics.PLACE_EVIDENCE).isEqualTo("bothy.place.evidence");
        assertThat(Topics.REFERRALS).isEqualTo("bothy.referrals");
        assertThat(Topics.DLT_REASON).isEqualTo("bothy_dlt_reason");
    }

    @Test
    void refusesSomethingThatIsNotACode() {
        assertThatThrownBy(() -> Topics.learning("Fresh Start")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Fresh Start'");
        assertThatThrownBy(() -> Topics.learning("dlt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> Topics.evidence(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void learningPatternMatchesEveryOrganisationButNotTheDeadLetters() {
        assertThat(Topics.learningTopics().matcher("bothy.learning.fresh-start").matches()).isTrue();
        assertThat(Topics.learningTopics().matcher("bothy.learning.org-a").matches()).isTrue();
        assertThat(Topics.learningTopics().matcher("bothy.learning.dlt-watchers").matches()).isTrue();
        assertThat(Topics.learningTopics().matcher(Topics.LEARNING_DLT).matches()).isFalse();
        assertThat(Topics.learningTopics().matcher(Topics.PLACE_EVIDENCE).matches()).isFalse();
        assertThat(Topics.learningTopics().matcher("bothy.learning.").matches()).isFalse();
        assertThat(Topics.learningTopics().matcher("xbothy.learning.move-on").matches()).isFalse();
    }
}
