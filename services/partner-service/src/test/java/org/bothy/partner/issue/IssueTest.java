package org.bothy.partner.issue;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the issue log, each read as a sentence: given what happened, when asked, then what happens. */
class IssueTest {

    private static final String ISSUE = "5d0c8f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f";
    private static final IssueContent TEAM_ISSUE = new IssueContent(
            "Young people leaving care are not told which GP they are registered with", 1, "team",
            "Ask at the first visit", "Registration is part of the leaving-care plan", List.of("physical-health"),
            List.of("gp"));
    private static final IssueContent MACRO_ISSUE = new IssueContent(
            "Universal Credit deductions leave families without money for food", 3, "leadership",
            "Food bank referrals", "Deductions capped at a level families can live on", List.of("welfare-benefits"),
            List.of("universal-credit"));

    private FixtureConfiguration<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Issue.class);
        fixture.registerInjectableResource(Codes.northEdinburgh());
    }

    @Test
    void aTeamIssueAtLevelOneIsRaisedAndKeptInsideTheOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIssue(ISSUE, TEAM_ISSUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IssueRaised(ISSUE, TEAM_ISSUE));
    }

    @Test
    void aMacroIssueIsSharedWithThePlaceAsItIsRaised() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIssue(ISSUE, MACRO_ISSUE))
                .expectEvents(new IssueRaised(ISSUE, MACRO_ISSUE),
                        new IssueSharedWithPlace(ISSUE, 1, MACRO_ISSUE, IssueStatus.OPEN, 0, 0));
    }

    @Test
    void anIssueOnlyGovernmentCanActOnIsSharedWhateverItsLevel() {
        IssueContent government = change(TEAM_ISSUE, new IssueChange(null, 2, "government", null, null, null, null));
        fixture.givenNoPriorActivity()
                .when(new RaiseIssue(ISSUE, government))
                .expectEvents(new IssueRaised(ISSUE, government),
                        new IssueSharedWithPlace(ISSUE, 1, government, IssueStatus.OPEN, 0, 0));
    }

    @Test
    void anEditThatTakesAnIssueToLevelThreeSharesIt() {
        IssueContent macro = change(TEAM_ISSUE, new IssueChange(null, 3, null, null, null, null, null));
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new EditIssue(ISSUE, null, new IssueChange(null, 3, null, null, null, null, null)))
                .expectEvents(new IssueEdited(ISSUE, macro, List.of("level")),
                        new IssueSharedWithPlace(ISSUE, 2, macro, IssueStatus.OPEN, 0, 0));
    }

    @Test
    void anEditThatTakesASharedIssueBelowLevelThreeIsSharedTooSoThePlaceIsNotLeftStale() {
        IssueContent lowered = change(MACRO_ISSUE, new IssueChange(null, 2, "team", null, null, null, null));
        fixture.given(new IssueRaised(ISSUE, MACRO_ISSUE),
                        new IssueSharedWithPlace(ISSUE, 1, MACRO_ISSUE, IssueStatus.OPEN, 0, 0))
                .when(new EditIssue(ISSUE, null, new IssueChange(null, 2, "team", null, null, null, null)))
                .expectEvents(new IssueEdited(ISSUE, lowered, List.of("level", "owner")),
                        new IssueSharedWithPlace(ISSUE, 2, lowered, IssueStatus.OPEN, 0, 0));
    }

    @Test
    void anEditOfATeamIssueThatStaysBelowTheRuleIsNotShared() {
        IssueContent reworded = change(TEAM_ISSUE, new IssueChange(null, null, null, "Ask at every visit", null,
                null, null));
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new EditIssue(ISSUE, null, new IssueChange(null, null, null, "Ask at every visit", null, null,
                        null)))
                .expectEvents(new IssueEdited(ISSUE, reworded, List.of("countermeasure")));
    }

    @Test
    void anEmptyCountermeasureClearsIt() {
        IssueContent cleared = change(TEAM_ISSUE, new IssueChange(null, null, null, "", null, null, null));
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new EditIssue(ISSUE, null, new IssueChange(null, null, null, "", null, null, null)))
                .expectEvents(new IssueEdited(ISSUE, cleared, List.of("countermeasure")));
        org.assertj.core.api.Assertions.assertThat(cleared.countermeasure()).isNull();
    }

    @Test
    void sayingAgainWhatAnIssueSaysChangesNothing() {
        fixture.given(new IssueRaised(ISSUE, MACRO_ISSUE),
                        new IssueSharedWithPlace(ISSUE, 1, MACRO_ISSUE, IssueStatus.OPEN, 0, 0))
                .when(new EditIssue(ISSUE, null, new IssueChange(MACRO_ISSUE.description(), 3, null, null, null,
                        null, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownOwnerIsRefused() {
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new EditIssue(ISSUE, null, new IssueChange(null, null, "the-council", null, null, null, null)))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownThemeOrLevelIsRefusedWhenRaising() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIssue(ISSUE, change(TEAM_ISSUE, new IssueChange(null, null, null, null, null,
                        List.of("weather"), null))))
                .expectException(UnknownCodeException.class);
        fixture.givenNoPriorActivity()
                .when(new RaiseIssue(ISSUE, change(TEAM_ISSUE, new IssueChange(null, 4, null, null, null, null,
                        null))))
                .expectException(UnknownCodeException.class);
    }

    @Test
    void evidenceCountsJourneysAndBarriersOnceAndIsSharedForASharedIssue() {
        fixture.given(new IssueRaised(ISSUE, MACRO_ISSUE),
                        new IssueSharedWithPlace(ISSUE, 1, MACRO_ISSUE, IssueStatus.OPEN, 0, 0),
                        new EvidenceLinked(ISSUE, "journey-1", "barrier-1"))
                .when(new LinkEvidence(ISSUE, null, "journey-1", "barrier-2"))
                .expectEvents(new EvidenceLinked(ISSUE, "journey-1", "barrier-2"),
                        new IssueSharedWithPlace(ISSUE, 3, MACRO_ISSUE, IssueStatus.OPEN, 1, 2));
    }

    @Test
    void linkingEvidenceAlreadyLinkedChangesNothing() {
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE), new EvidenceLinked(ISSUE, "journey-1", "barrier-1"))
                .when(new LinkEvidence(ISSUE, null, "journey-1", "barrier-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLeadClosesAnIssue() {
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new CloseIssue(ISSUE, null, ActingAs.LEAD))
                .expectEvents(new IssueClosed(ISSUE));
    }

    @Test
    void aWorkerMayNotCloseAnIssue() {
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new CloseIssue(ISSUE, null, ActingAs.WORKER))
                .expectException(OnlyALeadMayClose.class)
                .expectNoEvents();
    }

    @Test
    void closingASharedIssueIsShared() {
        fixture.given(new IssueRaised(ISSUE, MACRO_ISSUE),
                        new IssueSharedWithPlace(ISSUE, 1, MACRO_ISSUE, IssueStatus.OPEN, 0, 0))
                .when(new CloseIssue(ISSUE, null, ActingAs.LEAD))
                .expectEvents(new IssueClosed(ISSUE),
                        new IssueSharedWithPlace(ISSUE, 2, MACRO_ISSUE, IssueStatus.CLOSED, 0, 0));
    }

    @Test
    void aClosedIssueTakesNoEditNoEvidenceAndNoSecondClosure() {
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE), new IssueClosed(ISSUE))
                .when(new EditIssue(ISSUE, null, new IssueChange("Reworded", null, null, null, null, null, null)))
                .expectException(IssueIsClosed.class);
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE), new IssueClosed(ISSUE))
                .when(new LinkEvidence(ISSUE, null, "journey-1", null))
                .expectException(IssueIsClosed.class);
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE), new IssueClosed(ISSUE))
                .when(new CloseIssue(ISSUE, null, ActingAs.LEAD))
                .expectException(IssueIsClosed.class);
    }

    @Test
    void aWorkerReopensAClosedIssueAndTheSharedOnesAreSharedAgain() {
        fixture.given(new IssueRaised(ISSUE, MACRO_ISSUE),
                        new IssueSharedWithPlace(ISSUE, 1, MACRO_ISSUE, IssueStatus.OPEN, 0, 0),
                        new IssueClosed(ISSUE),
                        new IssueSharedWithPlace(ISSUE, 2, MACRO_ISSUE, IssueStatus.CLOSED, 0, 0))
                .when(new ReopenIssue(ISSUE, null))
                .expectEvents(new IssueReopened(ISSUE),
                        new IssueSharedWithPlace(ISSUE, 3, MACRO_ISSUE, IssueStatus.OPEN, 0, 0));
    }

    @Test
    void anOpenIssueCannotBeReopened() {
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new ReopenIssue(ISSUE, null))
                .expectException(IssueIsOpen.class);
    }

    private static IssueContent change(IssueContent content, IssueChange change) {
        return content.with(change);
    }

    @Test
    void anUnknownSystemActorIsRefusedWhenRaisingOrEditing() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIssue(ISSUE, change(TEAM_ISSUE, new IssueChange(null, null, null, null, null, null,
                        List.of("landlord-of-the-rings")))))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
        fixture.given(new IssueRaised(ISSUE, TEAM_ISSUE))
                .when(new EditIssue(ISSUE, null, new IssueChange(null, null, null, null, null, null,
                        List.of("landlord-of-the-rings"))))
                .expectException(UnknownCodeException.class)
                .expectNoEvents();
    }
}
