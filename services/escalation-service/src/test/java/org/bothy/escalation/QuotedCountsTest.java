package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.bothy.kernel.privacy.DisclosureControl;
import org.junit.jupiter.api.Test;

/** What a place lead writes to a body may not quote a count of people the feeds would hide. */
class QuotedCountsTest {

    private final DisclosureControl five = DisclosureControl.standard();

    @Test
    void aSmallCountOfPeopleInFiguresOrWordsIsRefusedWithWhatToWriteInstead() {
        assertThat(QuotedCounts.problem("Still seen by 3 people at two partners.", five))
                .hasValueSatisfying(why -> assertThat(why).contains("\"3 people\"").contains("<5"));
        assertThat(QuotedCounts.problem("Two young families were evicted.", five)).isPresent();
        assertThat(QuotedCounts.problem("Four more tenants wrote to us", five)).isPresent();
        assertThat(QuotedCounts.problem("1 person", five)).isPresent();
    }

    @Test
    void countsAtTheThresholdOtherCountsAndPlainTextPass() {
        assertThat(QuotedCounts.problem("12 people across two partners; fewer than 5 people in a month.", five)).isEmpty();
        assertThat(QuotedCounts.problem("Seen at three partners since 2 March.", five)).isEmpty();
        assertThat(QuotedCounts.problem("Will you pause recovery until a decision is made?", five)).isEmpty();
        assertThat(QuotedCounts.problem(null, five)).isEmpty();
        assertThat(QuotedCounts.problem("7 people", new DisclosureControl(10))).as("below a threshold of 10").isPresent();
    }
}
