package org.bothy.support.testapp;

import org.bothy.support.security.AccessRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A tiny service built only from service-support's plumbing, to prove it end to end. */
@SpringBootApplication
public class SupportTestApplication {

    /** A service's own rule: only administrators reach /admin. */
    @Bean
    AccessRules adminOnly() {
        return registry -> registry.requestMatchers("/admin/**").hasRole("ADMIN");
    }
}
