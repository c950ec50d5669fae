package org.bothy.kernel.contract.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A signal's counts of people (30, 90 and 365 days, then in all: nested sets, smallest first) after disclosure
 * control, against cases worked by hand, and against a reader who knows the rule and tries every chain of counts
 * that would have been published the same way.
 */
class CountDisclosureTest {

    private final CountDisclosure atFive = new CountDisclosure(5);

    private static List<String> shown(List<DisclosedCount> counts) {
        return counts.stream().map(DisclosedCount::shown).toList();
    }

    @Test
    void aSmallWindowIsHiddenAndTheYearThatWouldGiveTwoPeopleBackIsHiddenToo() {
        // 3 in 30 days: small. 9 in 90: 9 above nothing shown, shown. 11 in 365: 2 above the 9 shown, so 365 - 90
        // would single out 2 people: hidden. 14 in all: 5 above the 9 shown, shown (14 - 9 = 5 is not small).
        assertThat(shown(atFive.nested(3, 9, 11, 14))).containsExactly("<5", "9", "*", "14");
    }

    @Test
    void aTotalJustAboveTheLastShownWindowIsHidden() {
        // 12, 12: the same people, difference 0, both shown. 14 and 14: 2 above the 12 shown, both hidden.
        assertThat(shown(atFive.nested(12, 12, 14, 14))).containsExactly("12", "12", "*", "*");
    }

    @Test
    void hidingStartsAgainFromTheLastCountShown() {
        // 5 shown; 6 and 7 are 1 and 2 above it: hidden; 20 is 15 above 5: shown.
        assertThat(shown(atFive.nested(5, 6, 7, 20))).containsExactly("5", "*", "*", "20");
        // 4 small; 5 is 5 above nothing: shown; 9 is 4 above 5: hidden; 10 is 5 above 5: shown.
        assertThat(shown(atFive.nested(4, 5, 9, 10))).containsExactly("<5", "5", "*", "10");
    }

    @Test
    void zeroIsShownAndSmallCountsHaveNoValue() {
        List<DisclosedCount> counts = atFive.nested(0, 0, 2, 2);
        assertThat(shown(counts)).containsExactly("0", "0", "<5", "<5");
        assertThat(counts.get(2).value()).isNull();
        assertThat(counts.get(2).hiddenAsSmall()).isTrue();
        assertThat(counts.get(0).value()).isZero();
    }

    @Test
    void aThresholdOfOneHidesNothingAndTwoIsRefused() {
        assertThat(shown(new CountDisclosure(1).nested(1, 2, 3, 4))).containsExactly("1", "2", "3", "4");
        assertThatThrownBy(() -> new CountDisclosure(2)).hasMessageContaining("\"<2\" could only mean 1");
        assertThatThrownBy(() -> atFive.nested(5, 4)).hasMessageContaining("never fall");
    }

    @Test
    void theLeastAReaderCanBeSureOfIsTheLargestShownCountInsideAHiddenOne() {
        List<DisclosedCount> counts = atFive.nested(3, 9, 11, 14);
        assertThat(CountDisclosure.atLeast(counts.get(0), List.of())).isEqualTo(1);
        assertThat(CountDisclosure.atLeast(counts.get(2), counts.subList(0, 2))).isEqualTo(9);
        assertThat(CountDisclosure.atLeast(counts.get(3), counts.subList(0, 3))).isEqualTo(14);
    }

    @Test
    void noReaderWhoKnowsTheRuleCanRecoverAHiddenCountOrASmallDifference() {
        int largest = 18;
        for (int threshold = 3; threshold <= 6; threshold++) {
            CountDisclosure disclosure = new CountDisclosure(threshold);
            // Every chain of four nested counts up to the largest, grouped by what would be published.
            Map<List<String>, List<int[]>> alike = new HashMap<>();
            for (int[] chain : chains(4, largest)) {
                alike.computeIfAbsent(shown(disclosure.nested(longs(chain))), published -> new ArrayList<>()).add(chain);
            }
            for (Map.Entry<List<String>, List<int[]>> group : alike.entrySet()) {
                List<String> published = group.getKey();
                for (int[] chain : group.getValue()) {
                    // Chains near the top of the range could only look certain because bigger ones were not tried.
                    if (chain[3] > largest - 2 * threshold) {
                        continue;
                    }
                    for (int i = 0; i < 4; i++) {
                        if (published.get(i).equals("*") || published.get(i).startsWith("<")) {
                            assertThat(values(group.getValue(), i))
                                    .as("threshold %d, %s: position %d", threshold, published, i).hasSizeGreaterThan(1);
                        }
                        for (int j = i + 1; j < 4; j++) {
                            Set<Integer> differences = differences(group.getValue(), i, j);
                            if (differences.size() == 1) {
                                int difference = differences.iterator().next();
                                assertThat(difference == 0 || difference >= threshold)
                                        .as("threshold %d, %s: %d - %d is certainly %d", threshold, published, j, i, difference)
                                        .isTrue();
                            }
                        }
                    }
                }
            }
        }
    }

    private static Set<Integer> values(List<int[]> chains, int at) {
        Set<Integer> values = new HashSet<>();
        chains.forEach(chain -> values.add(chain[at]));
        return values;
    }

    private static Set<Integer> differences(List<int[]> chains, int from, int to) {
        Set<Integer> differences = new HashSet<>();
        chains.forEach(chain -> differences.add(chain[to] - chain[from]));
        return differences;
    }

    private static List<int[]> chains(int length, int largest) {
        List<int[]> chains = new ArrayList<>();
        extend(new int[length], 0, 0, largest, chains);
        return chains;
    }

    private static void extend(int[] chain, int at, int from, int largest, List<int[]> chains) {
        if (at == chain.length) {
            chains.add(chain.clone());
            return;
        }
        for (int value = from; value <= largest; value++) {
            chain[at] = value;
            extend(chain, at + 1, value, largest, chains);
        }
    }

    private static long[] longs(int[] chain) {
        long[] longs = new long[chain.length];
        for (int i = 0; i < chain.length; i++) {
            longs[i] = chain[i];
        }
        return longs;
    }
}
