package org.bothy.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Axon's components are measured by AxonMeters, with meters made once, and axon-micrometer's per-message monitors are
 * off: commands by outcome, each event processor's events by outcome and how far behind the store it runs.
 */
class AxonMetersTest extends RunningTestService {

    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry registry;

    @Test
    void commands_and_each_processors_events_are_counted_by_outcome() {
        double commandsHandled = count("bothy.axon.commands", null, "handled");
        double commandsFailed = count("bothy.axon.commands", null, "failed");
        double pooledHandled = count("bothy.axon.processor.events", ShelterLogs.POOLED, "handled");
        double trackingHandled = count("bothy.axon.processor.events", ShelterLogs.TRACKING, "handled");
        double trackingIgnored = count("bothy.axon.processor.events", ShelterLogs.TRACKING, "ignored");
        String shelter = UUID.randomUUID().toString();

        commands.sendAndWait(new ShelterApi.OpenShelter(shelter, "Glenpean", LocalDate.of(2024, 6, 1)));
        commands.sendAndWait(new ShelterApi.RecordStay(shelter, 2));
        assertThatThrownBy(() -> commands.sendAndWait(new ShelterApi.RecordStay(shelter, 0)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(count("bothy.axon.commands", null, "handled")).isEqualTo(commandsHandled + 2);
        assertThat(count("bothy.axon.commands", null, "failed")).isEqualTo(commandsFailed + 1);
        // the shelter's opening is handled by both logs; its stay, which neither handles, is ignored by the tracking one
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("bothy.axon.processor.events", ShelterLogs.POOLED, "handled"))
                    .isGreaterThanOrEqualTo(pooledHandled + 1);
            assertThat(count("bothy.axon.processor.events", ShelterLogs.TRACKING, "handled"))
                    .isGreaterThanOrEqualTo(trackingHandled + 1);
            assertThat(count("bothy.axon.processor.events", ShelterLogs.TRACKING, "ignored"))
                    .isGreaterThanOrEqualTo(trackingIgnored + 1);
        });
        Gauge age = registry.find("bothy.axon.processor.age").tag("processor", ShelterLogs.POOLED).gauge();
        assertThat(age).as("the pooled log's age").isNotNull();
        assertThat(age.value()).isBetween(0.0, 20_000.0);
    }

    @Test
    void axon_micrometers_own_per_message_meters_are_not_registered() throws Exception {
        commands.sendAndWait(new ShelterApi.OpenShelter(UUID.randomUUID().toString(), "Sourlies",
                LocalDate.of(2024, 6, 2)));
        // axon-micrometer names its meters after the component (commandBus.successCounter, <processor>.latency, ...)
        // or, dimensional, commandBus / eventProcessor.* with tags
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("commandBus") || name.startsWith("eventBus")
                        || name.startsWith("eventProcessor") || name.startsWith("eventStore")
                        || name.startsWith(ShelterLogs.POOLED) || name.startsWith(ShelterLogs.TRACKING))
                .contains("bothy.axon.commands", "bothy.axon.processor.events", "bothy.axon.processor.age");

        HttpResponse<String> prometheus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.body())
                .contains("bothy_axon_commands_total{")
                .containsPattern("bothy_axon_processor_events_total\\{[^}]*outcome=\"handled\"[^}]*processor=\""
                        + ShelterLogs.POOLED + "\"")
                .containsPattern("bothy_axon_processor_age_milliseconds\\{[^}]*processor=\"" + ShelterLogs.TRACKING
                        + "\"");
    }

    private double count(String name, String processor, String outcome) {
        Counter counter = processor == null ? registry.find(name).tag("outcome", outcome).counter()
                : registry.find(name).tag("processor", processor).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
