package org.bothy.partner.journey;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.bothy.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The answer (409) when a worker changes a journey from a version others have moved on from: the current version,
 * and which facts were recorded since, by type and time only, so that no private text travels in a refusal.
 */
public class StaleJourney extends ErrorResponseException {

    /** One fact recorded after the version the worker saw. */
    public record RecordedFact(long version, String type, Instant recordedAt) {
    }

    public StaleJourney(String journeyId, long expectedVersion, long currentVersion, List<RecordedFact> since) {
        super(HttpStatus.CONFLICT, problem(journeyId, expectedVersion, currentVersion, since), null);
    }

    private static ProblemDetail problem(String journeyId, long expected, long current, List<RecordedFact> since) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "journey " + journeyId
                + " is at version " + current + ", not " + expected + ": " + since.size()
                + " facts were recorded since; read it again and decide with them in view");
        problem.setType(URI.create(ProblemTypes.CONFLICT));
        problem.setTitle("Conflict");
        problem.setProperty("expectedVersion", expected);
        problem.setProperty("currentVersion", current);
        problem.setProperty("recordedSince", since);
        return problem;
    }
}
