package org.bothy.place;

import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The place service started once for all its tests, on a real PostgreSQL database {@code place_test}, a real Kafka
 * broker and the test token issuer. Only {@code bothy.learning.org-a} exists when it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlaceServiceTestBase {

    /** A partner topic that exists before the service starts. */
    protected static final String ORG_A_TOPIC = Topics.LEARNING_PREFIX + "org-a";
    /** A partner topic created only after the service has started. */
    protected static final String ORG_B_TOPIC = Topics.LEARNING_PREFIX + "org-b";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "place_test");
        RealKafka.createTopics(ORG_A_TOPIC, Topics.REFERRALS);
        // Short, so a topic created during a test is found within a couple of seconds.
        registry.add("bothy.place.intake.topic-discovery", () -> "2s");
        registry.add("bothy.place.intake.retry-backoff", () -> "200ms");
        registry.add("bothy.place.signal-retry", () -> "1s");
    }
}
