package org.bothy.support.testapp;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyAuthorization;
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

    /** A service's own rule: only Fresh Start's own people reach its case notes. */
    @Bean
    AccessRules freshStartOnly() {
        return registry -> registry.requestMatchers("/organisation/**")
                .access(BothyAuthorization.memberOf("fresh-start"));
    }
}
