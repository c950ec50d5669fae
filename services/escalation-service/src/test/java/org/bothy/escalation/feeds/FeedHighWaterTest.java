package org.bothy.escalation.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.bothy.testsupport.RealPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readers of the statutory feed never pass a position whose transaction is still in flight (on the real PostgreSQL,
 * with two real transactions committing out of order), and step over one rolled back once it is past the grace.
 */
class FeedHighWaterTest {

    private static DataSource database;

    @BeforeAll
    static void schema() {
        database = RealPostgres.dataSource("escalation_feed_high_water_test");
        Flyway.configure().dataSource(database).locations("classpath:db/axon", "classpath:db/migration").load().migrate();
    }

    @Test
    void aLaterRowCommittedFirstWaitsForTheEarlierOneAndARolledBackOneIsSteppedOverAfterTheGrace() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database);
        FeedHighWater highWater = new FeedHighWater(jdbc);
        long before = highWater.now();
        long second;
        try (Connection slow = database.getConnection()) {
            slow.setAutoCommit(false);
            long first = append(slow);
            try (Connection quick = database.getConnection()) {
                second = append(quick); // autocommit: visible at once, with the first still in flight
            }
            assertThat(second).isGreaterThan(first);
            assertThat(highWater.now()).as("not past the position in flight").isEqualTo(before);
            slow.commit();
            assertThat(highWater.now()).isEqualTo(second);
        }

        long rolledBack;
        try (Connection abandoned = database.getConnection()) {
            abandoned.setAutoCommit(false);
            rolledBack = append(abandoned);
            abandoned.rollback();
        }
        long after;
        try (Connection next = database.getConnection()) {
            after = append(next);
        }
        assertThat(after).isGreaterThan(rolledBack);
        assertThat(highWater.now()).as("a fresh gap may still be in flight").isEqualTo(second);
        jdbc.sql("update statutory_feed set appended_at = appended_at - interval '11 seconds' where position = ?")
                .param(after).update();
        assertThat(highWater.now()).as("a gap older than the grace was rolled back").isEqualTo(after);
    }

    private static long append(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into statutory_feed (body, escalation_id,"
                + " event_id, ce_type, payload, occurred_at) values ('dwp', ?, ?, 'org.bothy.escalation.EscalationRaised.v2',"
                + " '{}'::bytea, now()) returning position")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, UUID.randomUUID().toString());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
