package org.bothy.partner.issue;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the issue log table in the command's own transaction: a worker who raises or edits an issue and then lists
 * the log sees the change, and an edit answered with an ETag can be read back at that version at once.
 */
@Configuration
public class IssueLogConfiguration {

    @Autowired
    void issueLogIsKeptAsEventsAreStored(EventProcessingConfigurer processing) {
        // Axon's default handler logs a failure and carries on, which would store the issue's event and leave the log
        // without it for good; propagated, it rolls the command back whole, so the worker is told and can try again.
        processing.registerSubscribingEventProcessor(IssueLog.PROCESSOR)
                .registerListenerInvocationErrorHandler(IssueLog.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
