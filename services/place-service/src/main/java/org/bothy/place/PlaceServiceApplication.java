package org.bothy.place;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The place service: consolidates the partners' learning topics into evidence views for the place leads, and
 * publishes evidence signals when a pattern changes. See ../shared/DESIGN.md for its place in the consortium.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlaceServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PlaceServiceApplication.class, args);
    }
}
