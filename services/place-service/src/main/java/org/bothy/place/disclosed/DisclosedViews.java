package org.bothy.place.disclosed;

import org.bothy.kernel.privacy.DisclosureControl;
import org.bothy.place.barriers.BarrierCount;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.query.ViewFilters;
import org.bothy.place.reach.MonthlyReach;
import org.bothy.place.reach.ReachCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The place's counts of people as they may leave the consortium: every count, and every total, through
 * {@link DisclosureControl} at {@code bothy.place.disclosure-threshold} with secondary suppression.
 */
@Service
public class DisclosedViews {

    private final BarrierCounts barriers;
    private final ReachCounts reach;
    private final DisclosureControl control;

    public DisclosedViews(BarrierCounts barriers, ReachCounts reach,
                          @Value("${bothy.place.disclosure-threshold:5}") int threshold) {
        this.barriers = barriers;
        this.reach = reach;
        this.control = new DisclosureControl(threshold);
    }

    /** People per theme (rows) and system actor (columns), with totals. */
    public List<DisclosedBarrierCount> barriers(ViewFilters filters) {
        return DisclosedTable.protect(barriers.byPattern(filters), BarrierCount::theme, BarrierCount::systemActor,
                BarrierCount::people, control, DisclosedBarrierCount::new);
    }

    /** Distinct people per month (rows) and organisation (columns), with totals. */
    public List<DisclosedReach> reach(ViewFilters filters) {
        return DisclosedTable.protect(reach.byMonth(filters), MonthlyReach::month, MonthlyReach::organisation,
                MonthlyReach::people, control, DisclosedReach::new);
    }
}
