package org.bothy.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The escalation service: see ../shared/DESIGN.md for its place in the consortium. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(EscalationServiceApplication.class, args);
    }
}
