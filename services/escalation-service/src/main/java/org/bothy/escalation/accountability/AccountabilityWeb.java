package org.bothy.escalation.accountability;

import org.bothy.support.security.AccessRules;
import org.bothy.support.security.BothyRole;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The place leads' accountability page at {@code /accountability/}: its page, script and style are open because they
 * hold no data; the figures ({@code /accountability}) and the summary ({@code /accountability/summary}) want a place
 * lead's token, which the page sends itself.
 */
@Configuration(proxyBeanMethods = false)
public class AccountabilityWeb implements WebMvcConfigurer {

    /** The page's static files, served with {@link PageHeaders}. */
    static final String[] PAGE = {"/accountability/", "/accountability/index.html", "/accountability/accountability.js",
            "/accountability/accountability.css", "/accountability/favicon.svg"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // The trailing slash keeps the page's relative links inside /accountability/; without it is the JSON API.
        registry.addViewController("/accountability/").setViewName("forward:/accountability/index.html");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules accountabilityAccessRules() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, PAGE).permitAll()
                .requestMatchers(HttpMethod.GET, "/accountability", "/accountability/summary")
                .hasRole(BothyRole.PLACE_LEAD.name());
    }

    @Bean
    FilterRegistrationBean<PageHeaders> accountabilityPageHeaders() {
        FilterRegistrationBean<PageHeaders> registration = new FilterRegistrationBean<>(new PageHeaders());
        registration.addUrlPatterns(PAGE);
        return registration;
    }
}
