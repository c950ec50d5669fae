package org.bothy.partner;

import org.bothy.kernel.codes.Codes;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a deployment whose {@code bothy.organisation} the consortium does not know, before anything
 * touches the database or Kafka: a misconfigured partner must not migrate a schema or create a topic.
 */
public class OrganisationCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PartnerOrganisation.configured(environment.getProperty("bothy.organisation"), Codes.northEdinburgh());
    }
}
