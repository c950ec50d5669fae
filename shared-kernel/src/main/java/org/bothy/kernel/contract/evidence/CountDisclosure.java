package org.bothy.kernel.contract.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for the counts of one evidence signal: the people seen in each window and in all, which are
 * counts of nested sets (everyone seen in the last 30 days was seen in the last 90, and so on up to the total).
 *
 * <p>A count from 1 to {@code threshold - 1} is shown as {@code "<threshold"} (primary suppression; 0 stays 0). That
 * alone is not enough: the difference of two shown counts of nested sets is itself a count of people (those seen in
 * the longer window but not the shorter), so 12 in all and 10 in the last year would tell anyone that 2 people were
 * seen only before that. Secondary suppression therefore walks the chain from the shortest window to the total,
 * keeping the last count it showed (0 before the first): a count that is more than 0 and less than {@code threshold}
 * above it is hidden as {@code "*"}; otherwise it is shown and becomes the last shown. So any two shown counts differ
 * by 0 or by at least the threshold (each step between neighbours does, and steps add up), and a count hidden as
 * {@code "*"} is known only to lie between the shown counts around it, which are at least a threshold apart: the
 * people it would single out are as hidden as a {@code "<5"}.
 *
 * <p>A threshold of 1 hides nothing (the form v1 signals are read in). A threshold of 2 is refused: {@code "<2"}
 * could only mean 1.
 */
public final class CountDisclosure {

    private final int threshold;

    /** Disclosure control hiding counts of people from 1 to {@code threshold - 1}; 1 hides nothing, 2 is refused. */
    public CountDisclosure(int threshold) {
        if (threshold < 1 || threshold == 2) {
            throw new IllegalArgumentException("a signal's disclosure threshold is 1 (nothing hidden) or 3 and up, was "
                    + threshold + (threshold == 2 ? ": \"<2\" could only mean 1" : ""));
        }
        this.threshold = threshold;
    }

    /** The smallest count of people shown as it is (besides 0). */
    public int threshold() {
        return threshold;
    }

    /**
     * Counts of people in nested sets, the smallest set first (e.g. the 30-, 90- and 365-day windows, then the
     * total), after primary and secondary suppression, in the same order.
     */
    public List<DisclosedCount> nested(long... counts) {
        List<DisclosedCount> shown = new ArrayList<>(counts.length);
        long lastShown = 0;
        long previous = 0;
        for (long count : counts) {
            if (count < previous) {
                throw new IllegalArgumentException("counts of nested sets never fall, but " + count + " follows " + previous);
            }
            previous = count;
            if (count > 0 && count < threshold) {
                shown.add(DisclosedCount.small(threshold));
            } else if (count - lastShown > 0 && count - lastShown < threshold) {
                shown.add(DisclosedCount.secondary());
            } else {
                shown.add(DisclosedCount.of(count));
                lastShown = count;
            }
        }
        return shown;
    }

    /**
     * The least that a count of a nested chain can be, as a reader sees it: the count itself when shown; when hidden,
     * the largest shown count of the sets inside it ({@code inside}), and at least 1 (0 is never hidden).
     */
    public static int atLeast(DisclosedCount count, List<DisclosedCount> inside) {
        if (!count.hidden()) {
            return count.value();
        }
        int least = 1;
        for (DisclosedCount smaller : inside) {
            if (!smaller.hidden()) {
                least = Math.max(least, smaller.value());
            }
        }
        return least;
    }
}
