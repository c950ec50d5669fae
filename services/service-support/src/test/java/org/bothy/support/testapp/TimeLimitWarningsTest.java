package org.bothy.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A processor's batch that runs past its warning threshold is warned of on one line per warning, naming the processor
 * and how long it has run, without the handling thread's stack trace and without anything of the event.
 */
@ExtendWith(OutputCaptureExtension.class)
class TimeLimitWarningsTest extends RunningTestService {

    private static final String WARNING = "EventProcessor " + ShelterLogs.SLOW + " on thread";

    @Autowired
    CommandGateway commands;

    @Autowired
    ShelterLogs.Slow slow;

    @Test
    void a_slow_batch_is_warned_of_on_one_line_naming_the_processor_and_how_long(CapturedOutput output) {
        String shelter = UUID.randomUUID().toString();
        commands.sendAndWait(new ShelterApi.OpenShelter(shelter, ShelterLogs.SLOW_NAME, LocalDate.of(2024, 6, 1)));
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
}
