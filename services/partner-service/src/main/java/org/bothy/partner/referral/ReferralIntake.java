package org.bothy.partner.referral;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads {@code bothy.referrals} and hands each record to {@link ReferralReception}, which applies it and stores
 * where to resume in the same transaction; where to resume comes from the database, never from Kafka's offsets.
 */
@Component
public class ReferralIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferralIntake.class);

    private final ConsumerFactory<?, ?> consumers;
    private final ReferralReception reception;
    private final ReferralProperties properties;
    private final String organisation;

    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private volatile CountDownLatch stopped = new CountDownLatch(0);

    public ReferralIntake(ConsumerFactory<?, ?> consumers, ReferralReception reception, ReferralProperties properties,
                          PartnerOrganisation organisation) {
        this.consumers = consumers;
        this.reception = reception;
        this.properties = properties;
        this.organisation = organisation.code();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        new Thread(this::run, "referral-intake").start();
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        Consumer<String, byte[]> active = consumer;
        if (active != null) {
            active.wakeup();
        }
        try {
            stopped.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Consumer<String, byte[]> opened = null;
        try {
            opened = open();
            consumer = opened;
            Consumer<String, byte[]> subscribed = opened;
            opened.subscribe(Set.of(Topics.REFERRALS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // nothing to hand over: every applied record's offset is already stored with its rows
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    resume(subscribed, partitions);
                }
            });
            while (running) {
                pollOnce(opened);
            }
        } catch (WakeupException stopping) {
            if (running) {
                log.error("referral intake woken up unexpectedly", stopping);
            }
        } catch (RuntimeException fatal) {
            log.error("referral intake stopped: {}", fatal.toString());
        } finally {
            consumer = null;
            if (opened != null) {
                opened.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
            stopped.countDown();
        }
    }

    private void pollOnce(Consumer<String, byte[]> opened) {
        for (ConsumerRecord<String, byte[]> record : opened.poll(properties.pollTimeout())) {
            try {
                reception.take(record);
            } catch (RuntimeException failed) {
                // not applied and not stored: position the partition back on it and try again after a pause
                log.warn("referral record {}-{}@{} not applied, retrying: {}", record.topic(), record.partition(),
                        record.offset(), failed.getClass().getSimpleName());
                resume(opened, opened.assignment());
                pause();
                return;
            }
        }
    }

    private void resume(Consumer<String, byte[]> opened, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long next = reception.storedOffset(partition);
            if (next != null) {
                opened.seek(partition, next);
            } else {
                opened.seekToBeginning(Set.of(partition));
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> open() {
        Properties overrides = new Properties();
        overrides.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        String group = properties.consumerGroup() != null ? properties.consumerGroup() : "partner-" + organisation + "-referrals";
        return (Consumer<String, byte[]>) consumers.createConsumer(group, group, null, overrides);
    }
}
