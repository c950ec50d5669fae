package org.bothy.place.tally;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The writes of one change to several tallies, sent as one statement (each write a part of one {@code with}), so that
 * a batch waits for the database once for all of them rather than once per table. Each part is an insert from arrays
 * that adds to the rows it meets; a table may take one part only, since one statement must not change a row twice.
 */
public final class Upserts {

    private final List<String> parts = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final Set<String> tables = new HashSet<>();

    /** Adds the write {@code sql} into {@code table}, with its {@code parameters} in order. */
    public Upserts add(String table, String sql, Object... parameters) {
        if (!tables.add(table)) {
            throw new IllegalStateException("a second write into " + table + " in one statement");
        }
        parts.add(sql.strip());
        this.parameters.addAll(List.of(parameters));
        return this;
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Sends every write added, as one statement; nothing if none was. */
    public void write(JdbcTemplate jdbc) {
        if (parts.isEmpty()) {
            return;
        }
        StringBuilder statement = new StringBuilder();
        for (int i = 0; i < parts.size() - 1; i++) {
            statement.append(i == 0 ? "with " : ",\n").append("w").append(i).append(" as (").append(parts.get(i))
                    .append(')');
        }
        statement.append(parts.size() > 1 ? "\n" : "").append(parts.get(parts.size() - 1));
        jdbc.update(statement.toString(), parameters.toArray());
    }
}
