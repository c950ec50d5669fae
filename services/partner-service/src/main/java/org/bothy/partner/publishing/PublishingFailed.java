package org.bothy.partner.publishing;

/** Kafka did not acknowledge a batch of learning events; the publisher's token stays put and the batch is retried. */
public class PublishingFailed extends RuntimeException {

    public PublishingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
