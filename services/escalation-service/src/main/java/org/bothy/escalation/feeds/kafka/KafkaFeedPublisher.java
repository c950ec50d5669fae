package org.bothy.escalation.feeds.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.escalation.feeds.FeedHighWater;
import org.bothy.escalation.feeds.PromptStop;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes each body's feed to its topic {@code bothy.evidence.<body>}: structured CloudEvents JSON keyed by the
 * escalation id, in feed order. The position advances only after the broker has acknowledged every record of a
 * batch, under a row lock so that two instances do not publish the same batch at once; a crash between the two
 * re-sends a batch (at least once), and consumers are idempotent on the CloudEvent id.
 */
@Component
public class KafkaFeedPublisher implements SmartLifecycle {

    static final String FEED = "kafka";
    private static final int BATCH = 200;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final String THREAD = "statutory-kafka-feed";
    private static final Logger log = LoggerFactory.getLogger(KafkaFeedPublisher.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionTemplate transactions;
    private final FeedHighWater highWater;
    private volatile ScheduledExecutorService scheduler;

    public KafkaFeedPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, TransactionTemplate transactions,
                              FeedHighWater highWater) {
        this.jdbc = jdbc;
        this.highWater = highWater;
        this.kafka = kafka;
        this.transactions = transactions;
    }

    /** Publishes one batch; returns how many records went out. */
    int publishBatch() {
        Integer sent = transactions.execute(status -> {
            jdbc.sql("insert into feed_publication (feed, last_position) values (?, 0) on conflict do nothing").param(FEED).update();
            long last = jdbc.sql("select last_position from feed_publication where feed = ? for update")
                    .param(FEED).query(Long.class).single();
            // never past a position still in flight: the marker would move beyond it for good
            List<Row> rows = jdbc.sql("select position, body, escalation_id, payload from statutory_feed where position > ?"
                            + " and position <= ? order by position limit ?")
                    .params(last, highWater.now(), BATCH)
                    .query((row, n) -> new Row(row.getLong("position"), row.getString("body"),
                            row.getString("escalation_id"), row.getBytes("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Row row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVIDENCE_PREFIX + row.body(),
                        row.escalationId(), row.payload());
                record.headers().add("content-type", ContractCodec.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
                acks.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the broker did not acknowledge the feed batch: " + e.getMessage(), e);
            }
            jdbc.sql("update feed_publication set last_position = ? where feed = ?")
                    .params(rows.get(rows.size() - 1).position(), FEED).update();
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private record Row(long position, String body, String escalationId, byte[] payload) {
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, THREAD));
        scheduler.scheduleWithFixedDelay(this::safely, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            while (publishBatch() == BATCH && !Thread.currentThread().isInterrupted()) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            // the position did not move: the next round (or the next start, when stopping) sends the batch again
            if (Thread.currentThread().isInterrupted()) {
                log.info("statutory feed batch abandoned on stop; it is sent again after the next start");
            } else {
                log.warn("statutory feed publishing failed, will retry: {}", e.getMessage());
            }
        }
    }

    /** Stops at once: a batch in flight is abandoned, and as its position never moved, sent again after the next start. */
    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            PromptStop.now(current, THREAD, log);
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
