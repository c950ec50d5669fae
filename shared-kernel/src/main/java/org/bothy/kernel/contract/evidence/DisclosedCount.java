package org.bothy.kernel.contract.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * One count after disclosure control, as it crosses the boundary: {@code shown} is what anyone may read, and
 * {@code value} is the count itself, present only when {@code shown} is that number. A hidden count carries no value
 * at all: {@code "<5"} (from 1 to 4, at a threshold of 5) or {@code "*"} (hidden only so that another count cannot be
 * subtracted to give a small one back; see {@link CountDisclosure}).
 */
public record DisclosedCount(String shown, @JsonInclude(JsonInclude.Include.NON_NULL) Integer value) {

    /** How a count hidden by secondary suppression is shown. */
    public static final String SECONDARY_MARK = "*";

    private static final Pattern SMALL = Pattern.compile("<[1-9][0-9]{0,9}");

    public DisclosedCount {
        if (shown == null) {
            throw new IllegalArgumentException("a disclosed count needs what is shown");
        }
        if (value == null) {
            if (!SMALL.matcher(shown).matches() && !SECONDARY_MARK.equals(shown)) {
                throw new IllegalArgumentException("a hidden count is shown as <threshold or *, not '" + shown + "'");
            }
        } else if (value < 0 || !shown.equals(Integer.toString(value))) {
            throw new IllegalArgumentException("a shown count of " + value + " is shown as itself, not '" + shown + "'");
        }
    }

    /** A count shown as it is. */
    public static DisclosedCount of(long count) {
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a count: " + count);
        }
        return new DisclosedCount(Long.toString(count), (int) count);
    }

    /** A small count, shown as {@code <threshold}. */
    public static DisclosedCount small(int threshold) {
        return new DisclosedCount("<" + threshold, null);
    }

    /** A count hidden by secondary suppression. */
    public static DisclosedCount secondary() {
        return new DisclosedCount(SECONDARY_MARK, null);
    }

    // Named without "is", so that Jackson does not take them for properties beside "shown" and "value".

    /** Whether the count is hidden from the reader. */
    public boolean hidden() {
        return value == null;
    }

    /** Whether the count was hidden for being small (shown as {@code <threshold}). */
    public boolean hiddenAsSmall() {
        return value == null && shown.startsWith("<");
    }
}
