package org.bothy.escalation.feeds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far {@code statutory_feed} may be read without ever skipping a row for good. Positions come from a sequence
 * when a transaction appends, but transactions commit in their own order: while position 10 is still uncommitted,
 * 11 may already be visible, and a reader that took 11 and moved its cursor past it would never see 10. So readers
 * (the Kafka feed, the pull feed) read only up to the end of the gap-free run of positions; a gap older than the grace
 * period is a rolled-back transaction (its position is never used) and is stepped over.
 */
@Component
public class FeedHighWater {

    /** Longer than any transaction that appends to the feed takes to commit. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final int STEP = 1000;

    private final JdbcClient jdbc;
    // only ever rises: below it every position is committed or was rolled back long ago
    private final AtomicLong known = new AtomicLong();

    public FeedHighWater(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest position up to which every row that will ever exist is visible now. */
    public long now() {
        long mark = known.get();
        while (true) {
            List<Row> rows = jdbc.sql("select position, appended_at < now() - make_interval(secs => ?) as settled"
                            + " from statutory_feed where position > ? order by position limit ?")
                    .params((double) GRACE.toSeconds(), mark, STEP)
                    .query((row, n) -> new Row(row.getLong("position"), row.getBoolean("settled")))
                    .list();
            for (Row row : rows) {
                if (row.position() != mark + 1 && !row.settled()) {
                    return raise(mark);
                }
                mark = row.position();
            }
            if (rows.size() < STEP) {
                return raise(mark);
            }
        }
    }

    private long raise(long mark) {
        return known.accumulateAndGet(mark, Math::max);
    }

    private record Row(long position, boolean settled) {
    }
}
