package org.bothy.support.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * A pooled processor whose batch takes longer than its warning threshold for a shelter named {@value #SLOW_NAME}
 * (see {@link RunningTestService} for its time limits), for the time-limit warnings.
 */
@Configuration
class SlowShelterLog {

    static final String PROCESSOR = "shelter-log-slow";
    static final String SLOW_NAME = "Hutchison Memorial Hut";

    @Autowired
    void pooled(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessor(PROCESSOR);
    }

    /** The shelters the slow processor has seen opened. */
    @Component
    @ProcessingGroup(PROCESSOR)
    static class Slow {
        final Set<String> opened = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(ShelterApi.ShelterOpened event) throws InterruptedException {
            if (SLOW_NAME.equals(event.name())) {
                Thread.sleep(700);
            }
            opened.add(event.shelterId());
        }
    }
}
