package org.bothy.place.cost;

import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/** Reads the cost of support from the contact rows, at query time, so an erasure shows at once. */
@Repository
public class CostFigures {

    private static final FilterColumns COLUMNS = FilterColumns.ofPeople("c.contacted_at", "c.organisation", "c.pseudonym");

    // One unit's contacts, minutes and spend. Spend is added as float8, which is exact for whole pence below 2^53
    // (£90 trillion), and read back as bigint: sum(bigint) would make a numeric per unit, then convert it, which was a
    // fifth of the query's time at 22,000 units.
    private static final String UNIT_SUMS = "count(*) as contacts, sum(c.minutes)::bigint as minutes, "
            + "sum(c.spend_pence::float8)::bigint as spend";
    // The figures over the units of one organisation (or all): how many, their totals, and the spread.
    private static final String FIGURES = """
            count(*) as units, sum(contacts) as contacts, sum(minutes) as minutes, sum(spend) as spend,
            round(avg(spend)::numeric) as mean_spend,
            round((percentile_cont(0.25) within group (order by spend))::numeric) as p25_spend,
            round((percentile_cont(0.5) within group (order by spend))::numeric) as p50_spend,
            round((percentile_cont(0.75) within group (order by spend))::numeric) as p75_spend,
            round((percentile_cont(0.9) within group (order by spend))::numeric) as p90_spend,
            round((percentile_cont(0.5) within group (order by minutes))::numeric) as p50_minutes,
            round((percentile_cont(0.9) within group (order by minutes))::numeric) as p90_minutes,
            round((percentile_cont(0.5) within group (order by contacts))::numeric) as p50_contacts""";

    private final JdbcClient jdbc;

    public CostFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per organisation and for all organisations together, per journey and per person: totals and percentiles
     * (continuous, rounded to the penny or minute).
     */
    public List<CostOfSupport> costOfSupport(ViewFilters filters) {
        FilterColumns.Where where = COLUMNS.where(filters);
        boolean one = filters.organisation() != null;
        // Each kind of unit is its own branch of a union, each reading the contacts and grouping them by itself: a
        // branch's percentiles need no sort of the units by kind first, and the branches may run side by side. Narrowed
        // to one organisation, the units are grouped by their own id alone and their figures are one plain aggregate
        // (no sort by organisation), copied as "all" rather than computed again.
        String unitOrganisation = one ? "" : "c.organisation, ";
        String grouping = one ? "having count(*) > 0" : "group by grouping sets ((organisation), ())";
        String organisation = one ? "cast(? as text)" : "organisation";
        List<Object> branch = new ArrayList<>();
        if (one) {
            branch.add(filters.organisation());
        }
        branch.addAll(where.parameters());
        List<Object> parameters = new ArrayList<>(branch);
        parameters.addAll(branch);
        List<CostOfSupport> figures = jdbc.sql("""
                        select * from (
                            select %1$s as total, coalesce(%2$s, 'all') as organisation, 'journey' as per, %3$s
                            from (select %4$s%5$s from contact c %6$s group by %4$sc.journey_id) unit
                            %7$s
                            union all
                            select %1$s, coalesce(%2$s, 'all'), 'person', %3$s
                            from (select %4$s%5$s from contact c %6$s group by %4$sc.pseudonym) unit
                            %7$s
                        ) figures
                        order by total, organisation, per
                        """.formatted(one ? "0" : "grouping(organisation)", organisation, FIGURES, unitOrganisation,
                        UNIT_SUMS, where.clause(), grouping))
                .params(parameters)
                .query((rs, row) -> new CostOfSupport(rs.getString("organisation"), rs.getString("per"),
                        rs.getLong("units"), rs.getLong("contacts"), rs.getLong("minutes"), rs.getLong("spend"),
                        rs.getLong("mean_spend"), rs.getLong("p25_spend"), rs.getLong("p50_spend"), rs.getLong("p75_spend"),
                        rs.getLong("p90_spend"), rs.getLong("p50_minutes"), rs.getLong("p90_minutes"), rs.getLong("p50_contacts")))
                .list();
        if (!one) {
            return figures;
        }
        List<CostOfSupport> withAll = new ArrayList<>(figures);
        figures.forEach(figure -> withAll.add(asAll(figure)));
        return withAll;
    }

    private static CostOfSupport asAll(CostOfSupport figure) {
        return new CostOfSupport("all", figure.per(), figure.count(), figure.contacts(), figure.minutes(),
                figure.spendPence(), figure.meanSpendPence(), figure.p25SpendPence(), figure.medianSpendPence(),
                figure.p75SpendPence(), figure.p90SpendPence(), figure.medianMinutes(), figure.p90Minutes(),
                figure.medianContacts());
    }

    /** Contacts, minutes and spend by kind of contact, per organisation. */
    public List<ContactsByKind> byKind(ViewFilters filters) {
        FilterColumns.Where where = COLUMNS.where(filters);
        return jdbc.sql("""
                        select c.organisation, c.kind, count(*) as contacts, sum(c.minutes) as minutes, sum(c.spend_pence) as spend
                        from contact c %s
                        group by c.organisation, c.kind
                        order by c.organisation, c.kind
                        """.formatted(where.clause()))
                .params(where.parameters())
                .query((rs, row) -> new ContactsByKind(rs.getString("organisation"), rs.getString("kind"),
                        rs.getLong("contacts"), rs.getLong("minutes"), rs.getLong("spend")))
                .list();
    }
}
