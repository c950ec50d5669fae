package org.bothy.place.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The schema a rebuild writes into while the views keep answering from the current tables: every projection table
 * copied empty (columns, defaults, generated columns, constraints and indexes), then swapped for the current ones in
 * one transaction, so a query sees either all the old tables or all the new ones.
 */
@Repository
public class ShadowSchema {

    /** Where the rebuilt tables are made. */
    public static final String SCHEMA = "place_rebuild";

    private static final String LIVE = "public";
    private static final String RETIRED = "place_retired";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ShadowSchema(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Drops any earlier shadow and makes an empty copy of every projection table. */
    public void create() {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
            jdbc.execute("create schema " + SCHEMA);
            for (String table : tables(LIVE)) {
                jdbc.execute("create table " + SCHEMA + "." + table + " (like " + LIVE + "." + table + " including all)");
            }
        });
    }

    /** Puts the rebuilt tables in place of the current ones, in one transaction, and drops the old ones. */
    public void swap() {
        transaction.executeWithoutResult(status -> {
            List<String> rebuilt = tables(SCHEMA);
            jdbc.execute("drop schema if exists " + RETIRED + " cascade");
            jdbc.execute("create schema " + RETIRED);
            for (String table : rebuilt) {
                jdbc.execute("alter table if exists " + LIVE + "." + table + " set schema " + RETIRED);
                jdbc.execute("alter table " + SCHEMA + "." + table + " set schema " + LIVE);
            }
            jdbc.execute("drop schema " + RETIRED + " cascade");
            jdbc.execute("drop schema " + SCHEMA);
        });
    }

    /** Drops the shadow, after a rebuild that failed. */
    public void drop() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    private List<String> tables(String schema) {
        // Flyway's history belongs to the live schema's migrations, not to the projections.
        return jdbc.queryForList("""
                select tablename from pg_tables where schemaname = ? and tablename <> 'flyway_schema_history'
                order by tablename
                """, String.class, schema);
    }
}
