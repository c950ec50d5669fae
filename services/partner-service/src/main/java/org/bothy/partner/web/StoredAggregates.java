package org.bothy.partner.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages through the aggregates of one type as the event store lists them (each one's first event), newest first:
 * a list that needs no table of its own and can never disagree with the store.
 */
@Component
public class StoredAggregates {

    private final JdbcTemplate jdbc;

    public StoredAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the aggregates of {@code type}, each read by {@code read}. */
    public <T> Page<T> page(Class<?> type, int page, int size, Function<String, Optional<T>> read) {
        // Axon stores the aggregate's simple class name as the type of each of its events
        String first = "from domain_event_entry where type = ? and sequence_number = 0";
        long total = jdbc.queryForObject("select count(*) " + first, Long.class, type.getSimpleName());
        List<String> ids = jdbc.queryForList("select aggregate_identifier " + first
                        + " order by global_index desc limit ? offset ?", String.class, type.getSimpleName(), size,
                (long) page * size);
        return Page.of(ids.stream().map(read).flatMap(Optional::stream).toList(), page, size, total);
    }
}
