package org.bothy.partner.person;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bothy.partner.RepeatedRound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the person tables in the command's transaction, and runs the consent expiry sweep. */
@Configuration
public class PersonConfiguration {

    @Autowired
    void personRecordsInTheCommandsTransaction(EventProcessingConfigurer processing) {
        // subscribing: the gate, the uniqueness of a pseudonym and the key's destruction must hold the moment the
        // command returns, not when a tracking processor catches up
        processing.registerSubscribingEventProcessor(PersonRecords.PROCESSOR);
        // and a failure there fails the command: Axon's default only logs it, which would let an erasure commit with
        // the person's key still in place
        processing.registerListenerInvocationErrorHandler(PersonRecords.PROCESSOR,
                configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    RepeatedRound consentExpirySweep(ConsentExpiry expiry,
                                     @Value("${bothy.consent.expiry-check-ms:60000}") long intervalMs) {
        Duration interval = Duration.ofMillis(intervalMs);
        return new RepeatedRound("consent-expiry", interval, interval, expiry::noticeExpiredConsents);
    }
}
