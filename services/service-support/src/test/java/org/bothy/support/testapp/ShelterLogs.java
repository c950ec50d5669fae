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
 * Two streaming processors, one pooled and one tracking, that note every shelter opened, as a publisher would; and a
 * pooled one whose batch takes longer than its warning threshold for a shelter named {@value #SLOW_NAME} (see
 * {@link RunningTestService} for its time limits), for the time-limit warnings.
 */
@Configuration
class ShelterLogs {

    static final String POOLED = "shelter-log-pooled";
    static final String TRACKING = "shelter-log-tracking";
    static final String SLOW = "shelter-log-slow";
    static final String SLOW_NAME = "Hutchison Memorial Hut";

    @Autowired
    void streamingProcessors(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessor(POOLED);
        processing.registerTrackingEventProcessor(TRACKING);
        processing.registerPooledStreamingEventProcessor(SLOW);
    }

    /** The shelters a pooled streaming processor has seen opened. */
    @Component
    @ProcessingGroup(POOLED)
    static class Pooled {
        final Set<String> opened = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(ShelterApi.ShelterOpened event) {
            opened.add(event.shelterId());
        }
    }

    /** The shelters a tracking processor has seen opened. */
    @Component
    @ProcessingGroup(TRACKING)
    static class Tracking {
        final Set<String> opened = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(ShelterApi.ShelterOpened event) {
            opened.add(event.shelterId());
        }
    }

    /** The shelters the slow processor has seen opened. */
    @Component
    @ProcessingGroup(SLOW)
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
