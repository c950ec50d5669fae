package org.bothy.place.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * What an evidence signal counts and where it goes: the windows (in days, by observation time) and the shape of the
 * compacted evidence topic created at start-up, and the disclosure-control threshold for counts of people.
 */
@ConfigurationProperties("bothy.place")
public record SignalProperties(List<Integer> signalWindows, int evidencePartitions, int evidenceReplicas,
                               Duration signalRetry, int disclosureThreshold) {

    public SignalProperties {
        signalWindows = signalWindows == null || signalWindows.isEmpty() ? List.of(30, 90, 365) : List.copyOf(signalWindows);
        for (Integer days : signalWindows) {
            if (days == null || days <= 0) {
                throw new IllegalArgumentException("bothy.place.signal-windows: every window is a positive number of days, got " + signalWindows);
            }
        }
        evidencePartitions = evidencePartitions <= 0 ? 3 : evidencePartitions;
        evidenceReplicas = evidenceReplicas <= 0 ? 1 : evidenceReplicas;
        signalRetry = signalRetry == null ? Duration.ofSeconds(5) : signalRetry;
        // Counts of people below this are shown as "<threshold" wherever they may leave the consortium.
        disclosureThreshold = disclosureThreshold <= 0 ? 5 : disclosureThreshold;
    }
}
