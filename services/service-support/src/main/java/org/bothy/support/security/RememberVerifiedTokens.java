package org.bothy.support.security;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts the resource server's {@link JwtDecoder} behind {@link RememberedTokens}, holding up to
 * {@value #PROPERTY} tokens (default {@value #DEFAULT_CAPACITY}; 0 verifies every request afresh).
 */
final class RememberVerifiedTokens implements BeanPostProcessor, EnvironmentAware {

    static final String PROPERTY = "bothy.security.remembered-tokens";
    static final int DEFAULT_CAPACITY = 10_000;

    private int capacity = DEFAULT_CAPACITY;

    @Override
    public void setEnvironment(Environment environment) {
        capacity = environment.getProperty(PROPERTY, Integer.class, DEFAULT_CAPACITY);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens) && capacity > 0) {
            return new RememberedTokens(decoder, capacity, Clock.systemUTC());
        }
        return bean;
    }
}
