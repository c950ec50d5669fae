package org.bothy.escalation.feeds.pull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bothy.escalation.feeds.FeedHighWater;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull feed for a body that cannot receive pushes: {@code GET /feeds/{body}/events?after=<cursor>&limit=<n>}
 * returns its own events in order after the cursor (from the start without one). Only that body's token passes.
 */
@RestController
public class PullFeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final FeedHighWater highWater;

    public PullFeedController(JdbcClient jdbc, FeedHighWater highWater) {
        this.jdbc = jdbc;
        this.highWater = highWater;
    }

    @GetMapping("/feeds/{body}/events")
    public FeedPage events(@PathVariable String body, @RequestParam(required = false) String after,
                           @RequestParam(required = false) String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        long cursor = parse(after, 0, "after", "must be a cursor this feed returned", problems);
        long size = parse(limit, DEFAULT_LIMIT, "limit", "must be a whole number from 1 to " + MAX_LIMIT, problems);
        if (size < 1 || size > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        if (cursor < 0) {
            problems.add(new FieldProblem("after", "must be a cursor this feed returned"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems.stream().distinct().toList());
        }
        // one more than asked, to know whether there is more; never past a position still in flight, or a client
        // whose cursor moved beyond it would never be given it
        List<FeedPage.Entry> rows = jdbc.sql("select position, payload from statutory_feed where body = ? and position > ?"
                        + " and position <= ? order by position limit ?")
                .params(body, cursor, highWater.now(), size + 1)
                .query((row, n) -> new FeedPage.Entry(Long.toString(row.getLong("position")),
                        new String(row.getBytes("payload"), StandardCharsets.UTF_8)))
                .list();
        boolean more = rows.size() > size;
        List<FeedPage.Entry> page = more ? rows.subList(0, (int) size) : rows;
        String next = page.isEmpty() ? Long.toString(cursor) : page.get(page.size() - 1).cursor();
        return new FeedPage(List.copyOf(page), next, more);
    }

    private static long parse(String text, long otherwise, String field, String reason, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, reason));
            return otherwise;
        }
    }
}
