package org.bothy.place.signals;

import org.bothy.kernel.contract.evidence.EvidenceEvent;
import org.bothy.kernel.topics.Topics;
import org.bothy.support.kafka.ContractSender;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Puts an evidence signal on the compacted evidence topic, keyed by its subject (pattern or issue key), and waits for Kafka's ack. */
@Component
public class EvidenceSender {

    /** The CloudEvents source of everything the place service publishes. */
    public static final String SOURCE = "/bothy/place";

    private final ContractSender sender;

    public EvidenceSender(ContractSender sender) {
        this.sender = sender;
    }

    /** Sends {@code signal}; returns once acknowledged, or throws. */
    public void send(EvidenceEvent signal) {
        try {
            sender.send(Topics.PLACE_EVIDENCE, SOURCE, signal).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending evidence signal " + signal.subject(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("evidence signal " + signal.subject() + " not acknowledged: " + e.getMessage(), e);
        }
    }
}
