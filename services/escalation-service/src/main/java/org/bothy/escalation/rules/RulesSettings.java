package org.bothy.escalation.rules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code bothy.escalation.rules-file} (a file path or classpath resource) and how often a file on disk is checked
 * for changes ({@code bothy.escalation.rules-reload-interval}).
 */
@ConfigurationProperties("bothy.escalation")
public record RulesSettings(
        @DefaultValue("classpath:rules/escalation-rules.yaml") Resource rulesFile,
        @DefaultValue("5s") Duration rulesReloadInterval) {
}
