package org.bothy.place.rebuild;

import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows for one table in PostgreSQL's COPY text format, sent in one {@code copy ... from stdin}: the cheapest way to
 * append many rows (no statement per row, no parameters to bind).
 */
final class CopyRows {

    private final String target;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    /** Rows for {@code table}, giving values for {@code columns} in that order (the others take their defaults). */
    CopyRows(String table, String... columns) {
        this.target = table + " (" + String.join(", ", columns) + ")";
    }

    /** Adds one row; values are strings, numbers, instants (timestamptz), days (date) or null. */
    CopyRows row(Object... values) {
        append(text, values);
        rows++;
        return this;
    }

    /** Adds one row made by {@link #line}. */
    CopyRows line(String line) {
        text.append(line);
        rows++;
        return this;
    }

    /** One row's text, values as {@link #row} takes them, made apart so that rows can be made on several threads. */
    static String line(Object... values) {
        StringBuilder line = new StringBuilder(256);
        append(line, values);
        return line.toString();
    }

    private static void append(StringBuilder text, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(text, values[i]);
        }
        text.append('\n');
    }

    /** How many rows wait to be sent. */
    int size() {
        return rows;
    }

    /** Sends the rows waiting on {@code connection} (inside its transaction) and forgets them. */
    void sendTo(Connection connection) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + target + " from stdin", new StringReader(text.toString()));
        } catch (java.io.IOException unreadable) {
            throw new SQLException("cannot copy rows into " + target, unreadable);
        }
        text.setLength(0);
        rows = 0;
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escape(text, string);
        } else if (value instanceof Number || value instanceof LocalDate) {
            text.append(value);
        } else if (value instanceof Instant instant) {
            // ISO 8601 in UTC, always with seconds: read the same whatever the session's DateStyle.
            text.append(instant);
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getSimpleName());
        }
    }

    private static void escape(StringBuilder text, String value) {
        // Ids, codes and pseudonyms hold none of these: such a value is copied whole rather than a character at a time,
        // which was most of the time spent making a row's text.
        if (!needsEscape(value)) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
