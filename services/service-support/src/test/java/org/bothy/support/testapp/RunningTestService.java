package org.bothy.support.testapp;

import org.bothy.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The test service running on a random port against the real PostgreSQL, Kafka and token issuer. */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningTestService {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "service_support_test");
        // no fallback poll: every streaming processor here must be woken by commits alone
        registry.add("bothy.axon.event-stream.poll-interval", () -> "0");
        // the slow processor is warned of after 200 ms, every 200 ms (TimeLimitWarningsTest)
        String limits = "axon.timeout.transaction.event-processor[" + ShelterLogs.SLOW + "].";
        registry.add(limits + "timeout-ms", () -> "30000");
        registry.add(limits + "warning-threshold-ms", () -> "200");
        registry.add(limits + "warning-interval-ms", () -> "200");
    }
}
