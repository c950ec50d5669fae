package org.bothy.place.signals;

import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.contract.evidence.DisclosedCount;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The people of one signal, in all and per window, after disclosure control at the place's threshold: the windows are
 * protected as a chain from the shortest to the total ({@link CountDisclosure}), then given back in the configured
 * order.
 */
final class DisclosedCounts {

    /** The total and each window's people (in the order the windows were given), disclosure-controlled. */
    record People(DisclosedCount total, List<DisclosedCount> windows) {
    }

    private DisclosedCounts() {
    }

    static People people(CountDisclosure disclosure, int total, List<Integer> windowDays, int[] windowPeople) {
        List<Integer> shortestFirst = IntStream.range(0, windowDays.size()).boxed()
                .sorted(Comparator.comparing(windowDays::get)).toList();
        long[] chain = new long[windowDays.size() + 1];
        for (int i = 0; i < shortestFirst.size(); i++) {
            chain[i] = windowPeople[shortestFirst.get(i)];
        }
        chain[windowDays.size()] = total;
        List<DisclosedCount> protectedChain = disclosure.nested(chain);
        DisclosedCount[] windows = new DisclosedCount[windowDays.size()];
        for (int i = 0; i < shortestFirst.size(); i++) {
            windows[shortestFirst.get(i)] = protectedChain.get(i);
        }
        return new People(protectedChain.get(windowDays.size()), List.of(windows));
    }
}
