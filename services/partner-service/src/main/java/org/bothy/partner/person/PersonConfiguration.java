package org.bothy.partner.person;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Keeps the person tables in the command's transaction, and runs the consent expiry sweep. */
@Configuration
@EnableScheduling
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
}
