package org.bothy.place.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;

/**
 * What an evidence signal counts and where it goes: the windows (in days, by observation time) and the shape of the
 * compacted evidence topic created at start-up, the disclosure-control threshold for counts of people (a signal refuses
 * 2, as "<2" could only mean 1), and how many recent learning summaries a pattern's signal carries (at most 20).
 */
@ConfigurationProperties("bothy.place")
public record SignalProperties(List<Integer> signalWindows, int evidencePartitions, int evidenceReplicas,
                               Duration signalRetry, int disclosureThreshold, int signalLearning) {

    @ConstructorBinding
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
        // How many of a pattern's most recent shared learning summaries travel with its signal.
        signalLearning = signalLearning <= 0 ? 5 : Math.min(signalLearning, 20);
    }

    /** The settings with the default number of learning summaries per signal. */
    public SignalProperties(List<Integer> signalWindows, int evidencePartitions, int evidenceReplicas, Duration signalRetry,
                            int disclosureThreshold) {
        this(signalWindows, evidencePartitions, evidenceReplicas, signalRetry, disclosureThreshold, 0);
    }
}
