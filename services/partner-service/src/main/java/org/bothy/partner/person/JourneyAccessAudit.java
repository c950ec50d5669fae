package org.bothy.partner.person;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.bothy.partner.audit.JourneyRequestAudit;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits every successful read or change of a journey that was opened for a person, whatever slice of the journey
 * it touches, as the HTTP method and the route (no values from the request): after the request, unless a change
 * already wrote the entry in its own transaction.
 */
@Configuration
public class JourneyAccessAudit implements WebMvcConfigurer, HandlerInterceptor {

    private final JourneyRequestAudit audit;

    public JourneyAccessAudit(JourneyRequestAudit audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/journeys/*", "/journeys/*/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (failure != null || response.getStatus() >= 400 || audit.written(request)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String journeyId = variables == null ? null : variables.get("journeyId");
        if (journeyId == null) {
            return;
        }
        audit.write(request, journeyId);
    }
}
