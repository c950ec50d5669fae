package org.bothy.partner.issue;

import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Says in HTTP terms why an issue refused a command: an unknown code is 400 against the request field that carried
 * it, a worker closing is 403, a closed or open issue is 409, a stale version is 409 with what changed, an unknown
 * issue is 404.
 */
@Component
public class IssueRefusals {

    // the kernel names a refused code by its kind; the request carries lists of themes and system actors
    private static final Map<String, String> FIELD_OF_KIND = Map.of("theme", "themes", "systemActor", "systemActors");

    /** Runs {@code dispatch} for the issue {@code issueId}, translating the issue's refusals. */
    public void translate(String issueId, Long expectedVersion, Runnable dispatch) {
        try {
            dispatch.run();
        } catch (AggregateNotFoundException e) {
            throw noSuchIssue(issueId);
        } catch (ConflictingAggregateVersionException e) {
            throw new StaleIssue(issueId, expectedVersion == null ? e.getExpectedVersion() : expectedVersion);
        } catch (UnknownCodeException e) {
            throw InvalidField.of(FIELD_OF_KIND.getOrDefault(e.kind(), e.kind()), e);
        } catch (OnlyALeadMayClose e) {
            throw new AccessDeniedException(e.getMessage(), e);
        } catch (IssueIsClosed | IssueIsOpen e) {
            throw new Conflict(e.getMessage());
        }
    }

    /** The answer when no issue has this id. */
    public NotFound noSuchIssue(String issueId) {
        return new NotFound("no issue " + issueId);
    }
}
