package org.bothy.place.intake;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the intake DOWN if its loop is not reading, so that a place whose views have silently stalled is seen. */
@Component
public class IntakeHealth implements HealthIndicator {

    private final LearningIntake intake;

    public IntakeHealth(LearningIntake intake) {
        this.intake = intake;
    }

    @Override
    public Health health() {
        Health.Builder health = intake.consuming() ? Health.up() : Health.down();
        return health.withDetail("assignedPartitions", intake.assignedPartitions()).build();
    }
}
