package org.bothy.place.lm3;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Keeps the latest LM3 report of each project, predicted and actual apart. */
@Component
public class Lm3Projection implements LearningProjection {

    private final JdbcTemplate jdbc;

    public Lm3Projection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        for (ContractEvent event : firstSeen) {
            if (event instanceof Lm3Reported report) {
                jdbc.update("""
                        insert into lm3_report (organisation, project_id, basis, project_name, r1_pence, r2_pence, r3_pence,
                                                lm3, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organisation, project_id, basis) do update set
                            project_name = excluded.project_name, r1_pence = excluded.r1_pence, r2_pence = excluded.r2_pence,
                            r3_pence = excluded.r3_pence, lm3 = excluded.lm3, reported_at = excluded.reported_at
                        where lm3_report.reported_at <= excluded.reported_at
                        """, report.organisation(), report.projectId(), report.basis(), report.projectName(),
                        report.r1Pence(), report.r2Pence(), report.r3Pence(), report.lm3(),
                        OffsetDateTime.ofInstant(report.occurredAt(), ZoneOffset.UTC));
            }
        }
    }
}
