package org.bothy.partner.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The audit entry of an HTTP request that read or changed a journey ({@code journey <method> <route>}, no values
 * from the request), written once per request: by a change inside its own transaction, or else after the request.
 */
@Component
public class JourneyRequestAudit {

    private static final String WRITTEN = JourneyRequestAudit.class.getName() + ".written";

    private final AuditLog audit;

    public JourneyRequestAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Writes the entry for {@code request} on {@code journeyId} in the transaction open now, if any. */
    public void write(HttpServletRequest request, String journeyId) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        audit.recordOnJourney(journeyId, "journey " + request.getMethod() + " " + route);
        request.setAttribute(WRITTEN, Boolean.TRUE);
    }

    /** Whether the entry for {@code request} was written while it was handled. */
    public boolean written(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(WRITTEN));
    }
}
