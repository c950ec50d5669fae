package org.bothy.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bothy.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A processor's batch that runs past its warning threshold is warned of on one line per warning, naming the processor
 * and how long it has run, without the handling thread's stack trace and without anything of the event.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {SupportTestApplication.class, TimeLimitWarningsTest.SlowLog.class}, properties = {
        "axon.timeout.transaction.event-processor[" + TimeLimitWarningsTest.SLOW + "].timeout-ms=30000",
        "axon.timeout.transaction.event-processor[" + TimeLimitWarningsTest.SLOW + "].warning-threshold-ms=200",
        "axon.timeout.transaction.event-processor[" + TimeLimitWarningsTest.SLOW + "].warning-interval-ms=200"})
class TimeLimitWarningsTest {

    static final String SLOW = "shelter-log-slow";
    private static final String WARNING = "EventProcessor " + SLOW + " on thread";

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "service_support_time_limits");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    Slow slow;

    @Test
    void a_slow_batch_is_warned_of_on_one_line_naming_the_processor_and_how_long(CapturedOutput output) {
        String shelter = UUID.randomUUID().toString();
        commands.sendAndWait(new ShelterApi.OpenShelter(shelter, "Hutchison Memorial Hut", LocalDate.of(2024, 6, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> slow.opened.contains(shelter));

        List<String> lines = output.getOut().lines().toList();
        List<String> warnings = lines.stream().filter(line -> line.contains(WARNING)).toList();
        assertThat(warnings).as("warned of while the batch ran").isNotEmpty();
        assertThat(warnings).allSatisfy(line -> assertThat(line)
                .contains("WARN", "is taking a long time to process", "Current time: [", "Will be interrupted in [")
                .doesNotContain("Hutchison", shelter));
        int first = lines.indexOf(warnings.get(0));
        assertThat(lines.get(first + 1)).as("nothing of the warning runs on to the next line")
                .doesNotStartWith("\tat ").doesNotContain("Stacktrace");
        assertThat(output.getOut()).doesNotContain("Stacktrace of current thread");
    }

    /** The shelters a pooled processor has seen opened, each taking longer than its warning threshold. */
    @ProcessingGroup(SLOW)
    static class Slow {
        final Set<String> opened = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(ShelterApi.ShelterOpened event) throws InterruptedException {
            Thread.sleep(700);
            opened.add(event.shelterId());
        }
    }

    /** Adds the slow processor to the test service, for this test alone. */
    @TestConfiguration
    static class SlowLog {

        @Autowired
        void pooled(EventProcessingConfigurer processing) {
            processing.registerPooledStreamingEventProcessor(SLOW);
        }

        @Bean
        Slow slow() {
            return new Slow();
        }
    }
}
