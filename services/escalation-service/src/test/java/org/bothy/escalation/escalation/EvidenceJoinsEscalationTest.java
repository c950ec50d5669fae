package org.bothy.escalation.escalation;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.escalation.escalation.api.AddEvidence;
import org.bothy.escalation.escalation.api.EscalationClosed;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.escalation.escalation.api.EscalationResponded;
import org.bothy.escalation.escalation.api.EvidenceAdded;
import org.bothy.escalation.escalation.api.ResponseKind;
import org.bothy.escalation.escalation.api.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Later evidence for the pattern joins an open escalation, and never a closed one. */
class EvidenceJoinsEscalationTest {

    private static final String ID = "7f1c2a8e-0000-4000-8000-00000000e001";
    private static final String BODY = "city-of-edinburgh-council";
    private static final Instant RAISED_AT = Instant.parse("2025-03-03T10:15:00Z");
    private static final Instant COUNTED_AT = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant ADDED_AT = Instant.parse("2025-03-10T09:00:02Z");

    private FixtureConfiguration<Escalation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Escalation.class);
        fixture.registerInjectableResource(EscalationLifecycleTest.DEADLINES);
    }

    private static EscalationRaised raised() {
        return new EscalationRaised(ID, "cand-1", "housing:council-housing", BODY, "housing", "council-housing", 3, "<5", 2,
                "What will the council change so that repairs are done before tenancies fail?", LocalDate.parse("2025-03-31"),
                RAISED_AT);
    }

    @Test
    void laterEvidenceJoinsARaisedEscalation() {
        fixture.given(raised())
                .when(new AddEvidence(ID, "signal-2", 8, "8", 3, COUNTED_AT, ADDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EvidenceAdded(ID, BODY, "signal-2", 8, "8", 3, COUNTED_AT, ADDED_AT));
    }

    @Test
    void laterEvidenceStillJoinsAnAnsweredEscalationUntilItIsClosed() {
        fixture.given(raised(), new EscalationResponded(ID, BODY, ResponseKind.DECLINED, null, null,
                        "not ours to change", null, RAISED_AT.plusSeconds(3600), false))
                .when(new AddEvidence(ID, "signal-3", 2, "<5", 1, COUNTED_AT, ADDED_AT))
                .expectEvents(new EvidenceAdded(ID, BODY, "signal-3", 2, "<5", 1, COUNTED_AT, ADDED_AT));
    }

    @Test
    void aClosedEscalationTakesNoMoreEvidence() {
        fixture.given(raised(), new EscalationClosed(ID, BODY, Verdict.PATTERN_FELL, null, RAISED_AT.plusSeconds(7200)))
                .when(new AddEvidence(ID, "signal-4", 8, "8", 3, COUNTED_AT, ADDED_AT))
                .expectNoEvents()
                .expectException(IllegalStateException.class);
    }

    @Test
    void negativeCountsAreRefused() {
        fixture.given(raised())
                .when(new AddEvidence(ID, "signal-5", -1, null, 3, COUNTED_AT, ADDED_AT))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }
}
