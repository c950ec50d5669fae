package org.bothy.escalation.feeds.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bothy.escalation.EscalationServiceApplication;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.StuckService;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service whose broker has gone away stops promptly: the feed's batch in flight (waiting for a broker that never
 * answers) is abandoned rather than waited out, its thread ends, and the feed's position has not moved, so the batch is
 * sent again after the next start.
 */
class FeedPublisherStopTest {

    private static final String DATABASE = "escalation_feed_stop_test";
    private static final String FEED_THREAD = "statutory-kafka-feed";
    /** Far above the publisher's own grace (5 s), and below the 35 s its stop used to wait for the batch alone. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Closed after each test unless the test has closed it itself (and set it to null). */
    @AutoClose
    private ConfigurableApplicationContext running;

    @Test
    void aBatchTheBrokerNeverAcknowledgesDoesNotHoldUpTheStop() throws Exception {
        running = start(StuckService.nobodyListening());
        JdbcClient jdbc = JdbcClient.create(RealPostgres.dataSource(DATABASE));
        jdbc.sql("insert into statutory_feed (body, escalation_id, event_id, ce_type, payload, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params("city-of-edinburgh-council", UUID.randomUUID(), UUID.randomUUID().toString(),
                        "org.bothy.statutory.EscalationAcknowledged.v1", "{}".getBytes(StandardCharsets.UTF_8),
                        java.sql.Timestamp.from(Instant.now()))
                .update();
        // other test classes' services in this JVM run feeds of their own, on threads of the same name
        Thread feed = await().atMost(Duration.ofSeconds(30)).until(FeedPublisherStopTest::feedWaitingForTheBroker,
                Objects::nonNull);

        ConfigurableApplicationContext closing = running;
        running = null;
        assertThat(StuckService.closesWithin(closing, BOUND.toMillis())).as("the service closed within %s", BOUND).isTrue();
        assertThat(feed.isAlive()).as("the feed's thread has ended").isFalse();
        assertThat(jdbc.sql("select coalesce(max(last_position), 0) from feed_publication").query(Long.class).single())
                .as("nothing was acknowledged, so the position did not move").isZero();
    }

    /** The feed's thread in the middle of a batch, waiting for a broker that never answers; null while there is none. */
    private static Thread feedWaitingForTheBroker() {
        return StuckService.waitingForTheBroker((thread, stack) -> thread.getName().equals(FEED_THREAD));
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        RealInfrastructure.register((name, value) -> properties.put(name, value.get()), DATABASE);
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        // topics cannot be created where there is no broker; asking would only delay the start
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "escalation-feed-stop-test");
        return new SpringApplicationBuilder(EscalationServiceApplication.class).run(properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }
}
