package org.bothy.place.referrals;

import org.bothy.place.query.ViewFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Referral flows between partners, counted at query time from the referrals and their answers. A referral counts
 * once however often it was delivered, in the month it was made; its latest answer decides its status.
 */
@Repository
public class ReferralFlows {

    private final JdbcClient jdbc;

    public ReferralFlows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Flows by month, from and to organisation. {@code organisation} keeps flows on either side of it; {@code theme}
     * keeps referrals about that theme; {@code systemActor} keeps people whom the referrer saw meet a barrier it causes.
     */
    public List<ReferralFlow> byMonth(ViewFilters filters) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filters.from() != null) {
            conditions.add("made.made_at >= ?");
            parameters.add(filters.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filters.to() != null) {
            conditions.add("made.made_at < ?");
            parameters.add(filters.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filters.organisation() != null) {
            conditions.add("(made.from_organisation = ? or made.to_organisation = ?)");
            parameters.add(filters.organisation());
            parameters.add(filters.organisation());
        }
        if (filters.theme() != null) {
            conditions.add("? = any (made.themes)");
            parameters.add(filters.theme());
        }
        if (filters.systemActor() != null) {
            conditions.add("""
                    exists (select 1 from barrier_observation filter_barrier
                            where filter_barrier.pseudonym = made.pseudonym
                              and filter_barrier.organisation = made.from_organisation
                              and filter_barrier.system_actor = ?)""");
            parameters.add(filters.systemActor());
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return jdbc.sql("""
                        with referral as (
                            select distinct on (made.referral_id) made.referral_id, made.from_organisation,
                                   made.to_organisation, made.made_at
                            from referral_made made
                            %s
                            order by made.referral_id, made.made_at
                        ), latest_answer as (
                            select distinct on (referral_id, from_organisation, to_organisation)
                                   referral_id, from_organisation, to_organisation, answer
                            from referral_answer
                            order by referral_id, from_organisation, to_organisation, answered_at desc, event_id
                        )
                        select to_char(referral.made_at at time zone 'UTC', 'YYYY-MM') as month,
                               referral.from_organisation, referral.to_organisation,
                               count(*) as made,
                               count(*) filter (where latest_answer.answer = 'accepted') as accepted,
                               count(*) filter (where latest_answer.answer = 'declined') as declined,
                               count(*) filter (where latest_answer.answer is null) as pending
                        from referral
                        left join latest_answer using (referral_id, from_organisation, to_organisation)
                        group by 1, 2, 3
                        order by 1, 2, 3
                        """.formatted(where))
                .params(parameters)
                .query((rs, row) -> new ReferralFlow(rs.getString("month"), rs.getString("from_organisation"),
                        rs.getString("to_organisation"), rs.getLong("made"), rs.getLong("accepted"),
                        rs.getLong("declined"), rs.getLong("pending")))
                .list();
    }
}
