package org.bothy.place.intake;

import org.bothy.kernel.contract.ContractEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * How a projection that keeps one row per event of one kind writes it: the table, its columns and an event's row. The
 * intake inserts such rows a poll at a time; a rebuild appends them in bulk. Every such table has {@code event_id},
 * {@code organisation} and {@code pseudonym} columns (an erasure finds a person's rows by the last two), and
 * {@code atColumn} holds when the event happened.
 *
 * @param <E> the kind of event kept
 */
public record EventRows<E extends ContractEvent>(String table, Class<E> kind, List<String> columns, String atColumn,
                                                 Function<E, Object[]> row) {

    /** The insert of one row, with a parameter per column. */
    public String insert() {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** The rows of those of {@code events} that are of this kind, in order. */
    public List<Object[]> rowsOf(List<? extends ContractEvent> events) {
        return events.stream().filter(kind::isInstance).map(kind::cast).map(row).toList();
    }

    /** The row of {@code event} if it is of this kind, else null. */
    public Object[] rowOf(ContractEvent event) {
        return kind.isInstance(event) ? row.apply(kind.cast(event)) : null;
    }

    /** An event's time as the rows keep it. */
    public static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
