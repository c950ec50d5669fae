package org.bothy.place.rebuild;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --bothy.place.rebuild=true}: the service starts as usual, answering from its current tables, and rebuilds
 * every projection from the topics in the background (progress in the log and at {@code GET /admin/rebuild}).
 */
@Component
@ConditionalOnProperty(name = "bothy.place.rebuild", havingValue = "true")
public class RebuildOnStart implements ApplicationRunner {

    private final ProjectionRebuild rebuild;

    public RebuildOnStart(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        rebuild.start();
    }
}
