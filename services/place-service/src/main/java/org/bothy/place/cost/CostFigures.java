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
        // The contacts are read once for both kinds of unit. Narrowed to one organisation, "all" is that organisation,
        // so its figures are computed once and copied rather than sorted again.
        boolean one = filters.organisation() != null;
        List<CostOfSupport> figures = jdbc.sql("""
                        with contact_in as materialized (
                            select c.organisation, c.journey_id, c.pseudonym, c.minutes, c.spend_pence
                            from contact c %s
                        ), unit as (
                            select organisation, 'journey' as per, count(*) as contacts, sum(minutes) as minutes,
                                   sum(spend_pence) as spend
                            from contact_in group by organisation, journey_id
                            union all
                            select organisation, 'person', count(*), sum(minutes), sum(spend_pence)
                            from contact_in group by organisation, pseudonym
                        )
                        select coalesce(organisation, 'all') as organisation, per, count(*) as units,
                               sum(contacts) as contacts, sum(minutes) as minutes, sum(spend) as spend,
                               round(avg(spend)::numeric) as mean_spend,
                               round((percentile_cont(0.25) within group (order by spend))::numeric) as p25_spend,
                               round((percentile_cont(0.5) within group (order by spend))::numeric) as p50_spend,
                               round((percentile_cont(0.75) within group (order by spend))::numeric) as p75_spend,
                               round((percentile_cont(0.9) within group (order by spend))::numeric) as p90_spend,
                               round((percentile_cont(0.5) within group (order by minutes))::numeric) as p50_minutes,
                               round((percentile_cont(0.9) within group (order by minutes))::numeric) as p90_minutes,
                               round((percentile_cont(0.5) within group (order by contacts))::numeric) as p50_contacts
                        from unit
                        group by %s
                        order by organisation is null, organisation, per
                        """.formatted(where.clause(), one ? "organisation, per" : "grouping sets ((organisation, per), (per))"))
                .params(where.parameters())
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
