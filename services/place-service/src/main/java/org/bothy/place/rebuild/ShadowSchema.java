package org.bothy.place.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema a rebuild writes into while the views keep answering from the current tables: every projection table
 * copied empty (columns, defaults, generated columns, constraints and indexes, under the live names), then swapped for
 * the current ones in one transaction, so a query sees either all the old tables or all the new ones.
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

    /** Drops any earlier shadow and makes an empty copy of every projection table, with its indexes. */
    public void create() {
        create(Set.of());
    }

    /**
     * Drops any earlier shadow and makes an empty copy of every projection table: columns, defaults, generated columns
     * and check constraints, and the indexes (primary keys and unique constraints too) of every table not in
     * {@code indexLater}. Those are for a bulk load, which is much cheaper into a table with no index to keep; they get
     * theirs from {@link #createIndexes} once filled.
     */
    public void create(Set<String> indexLater) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
            jdbc.execute("create schema " + SCHEMA);
            List<String> tables = tables(LIVE);
            for (String table : tables) {
                jdbc.execute("create table " + SCHEMA + "." + table + " (like " + LIVE + "." + table
                        + " including all excluding indexes)");
            }
            indexLive(tables.stream().filter(table -> !indexLater.contains(table)).toList());
        });
    }

    /**
     * Gives each of {@code tables} in the shadow the indexes and the index-backed constraints (primary keys, unique
     * constraints) of the live table of that name, under the same names, then vacuums it (statistics and visibility
     * map).
     */
    public void createIndexes(Collection<String> tables) {
        for (String table : tables) {
            // One table per transaction: a primary key locks its table until commit, and others may be reading the
            // rest meanwhile (a rebuild counts its tallies while it indexes); holding none while waiting, none deadlock.
            transaction.executeWithoutResult(status -> {
                // Sorting for an index build is the bulk of its time: the default 64 MB spills a million keys to disk.
                jdbc.execute("set local maintenance_work_mem to '256MB'");
                jdbc.execute("set local synchronous_commit to off");
                indexLive(List.of(table));
            });
        }
        for (String table : tables) {
            // Vacuum as well: a table filled in bulk has no visibility map yet, and without one the views that read
            // their rows from a covering index alone (V16) would visit every table page until autovacuum came by.
            jdbc.execute("vacuum (analyze) " + SCHEMA + "." + table);
        }
    }

    /** The indexes of each live table, made again on its shadow, with their names (unique per schema, not globally). */
    private void indexLive(Collection<String> tables) {
        for (String table : tables) {
            List<Map<String, Object>> indexes = jdbc.queryForList("""
                    select index_class.relname as name, pg_get_indexdef(i.indexrelid) as definition,
                           c.conname as constraint_name, pg_get_constraintdef(c.oid) as constraint_definition
                    from pg_index i
                    join pg_class index_class on index_class.oid = i.indexrelid
                    left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
                                             and c.contype in ('p', 'u', 'x')
                    where i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
                    order by index_class.relname
                    """, LIVE, table);
            for (Map<String, Object> index : indexes) {
                if (index.get("constraint_name") != null) {
                    jdbc.execute("alter table " + SCHEMA + "." + table + " add constraint "
                            + quoted((String) index.get("constraint_name")) + " " + index.get("constraint_definition"));
                } else {
                    jdbc.execute(onShadow((String) index.get("definition"), table));
                }
            }
        }
    }

    private static String onShadow(String definition, String table) {
        String live = " ON " + LIVE + "." + table + " ";
        int at = definition.indexOf(live);
        if (at < 0) {
            throw new IllegalStateException("cannot read the index definition " + definition);
        }
        return definition.substring(0, at) + " ON " + SCHEMA + "." + table + " " + definition.substring(at + live.length());
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
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
