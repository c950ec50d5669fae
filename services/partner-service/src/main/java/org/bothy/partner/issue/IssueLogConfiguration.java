package org.bothy.partner.issue;

import org.axonframework.config.EventProcessingConfigurer;
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
        processing.registerSubscribingEventProcessor(IssueLog.PROCESSOR);
    }
}
