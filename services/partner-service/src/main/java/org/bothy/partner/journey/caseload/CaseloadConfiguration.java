package org.bothy.partner.journey.caseload;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Keeps the caseload whole: a failure to write it fails the change that caused it, instead of being skipped. */
@Configuration
public class CaseloadConfiguration {

    @Autowired
    void failuresFailTheCommand(EventProcessingConfigurer processing) {
        // Axon's default handler logs the failure and carries on: the journey's event would be stored and missing
        // from the worker's caseload for good. Propagated, it rolls the command back whole (the caseload is written
        // in the command's own transaction, see application.yml), so the worker is told and can try again, and no
        // event is ever stored without its caseload row.
        processing.registerListenerInvocationErrorHandler(CaseloadProjection.PROCESSOR,
                configuration -> PropagatingErrorHandler.instance());
    }
}
