package org.bothy.partner.issue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.bothy.kernel.codes.Codes;

/**
 * One entry of this organisation's issue log: it decides what may change, and whether the change is shared with the
 * place (see {@link PlacePublication}).
 */
@Aggregate
public class Issue {

    @AggregateIdentifier
    private String issueId;
    private IssueContent content;
    private IssueStatus status;
    private final Set<String> journeys = new HashSet<>();
    private final Set<String> barriers = new HashSet<>();
    private long revision;
    private boolean shared;

    protected Issue() {
        // for Axon, which rebuilds an issue from its events
    }

    @CommandHandler
    public Issue(RaiseIssue command, Codes codes) {
        checkCodes(command.content(), codes);
        apply(new IssueRaised(command.issueId(), command.content()));
        // inside the constructor Axon applies events only once it returns, so the rule reads the command itself
        if (PlacePublication.concernsThePlace(command.content())) {
            apply(new IssueSharedWithPlace(command.issueId(), 1, command.content(), IssueStatus.OPEN, 0, 0));
        }
    }

    @CommandHandler
    public void handle(EditIssue command, Codes codes) {
        refuseIfClosed();
        IssueContent edited = content.with(command.change());
        checkCodes(edited, codes);
        var changed = content.fieldsChangedTo(edited);
        if (changed.isEmpty()) {
            // saying again what the issue already says changes nothing, and nothing is shared again
            return;
        }
        apply(new IssueEdited(issueId, edited, changed));
        shareIfTheRuleSays();
    }

    @CommandHandler
    public void handle(LinkEvidence command) {
        refuseIfClosed();
        boolean newJourney = !journeys.contains(command.journeyId());
        boolean newBarrier = command.barrierId() != null && !barriers.contains(command.barrierId());
        if (!newJourney && !newBarrier) {
            return;
        }
        apply(new EvidenceLinked(issueId, command.journeyId(), command.barrierId()));
        shareIfTheRuleSays();
    }

    @CommandHandler
    public void handle(CloseIssue command) {
        if (command.by() != ActingAs.LEAD) {
            throw new OnlyALeadMayClose(issueId);
        }
        refuseIfClosed();
        apply(new IssueClosed(issueId));
        shareIfTheRuleSays();
    }

    @CommandHandler
    public void handle(ReopenIssue command) {
        if (status == IssueStatus.OPEN) {
            throw new IssueIsOpen(issueId);
        }
        apply(new IssueReopened(issueId));
        shareIfTheRuleSays();
    }

    private void refuseIfClosed() {
        if (status == IssueStatus.CLOSED) {
            throw new IssueIsClosed(issueId);
        }
    }

    private void shareIfTheRuleSays() {
        if (PlacePublication.shares(shared, content)) {
            apply(new IssueSharedWithPlace(issueId, revision, content, status, journeys.size(), barriers.size()));
        }
    }

    private static void checkCodes(IssueContent content, Codes codes) {
        // each throws UnknownCodeException naming the code and the valid ones
        codes.level(content.level());
        codes.owner(content.owner());
        content.themes().forEach(codes::theme);
        content.systemActors().forEach(codes::systemActor);
    }

    @EventSourcingHandler
    void on(IssueRaised event) {
        issueId = event.issueId();
        content = event.content();
        status = IssueStatus.OPEN;
        revision = 1;
    }

    @EventSourcingHandler
    void on(IssueEdited event) {
        content = event.content();
        revision++;
    }

    @EventSourcingHandler
    void on(EvidenceLinked event) {
        journeys.add(event.journeyId());
        if (event.barrierId() != null) {
            barriers.add(event.barrierId());
        }
        revision++;
    }

    @EventSourcingHandler
    void on(IssueClosed event) {
        status = IssueStatus.CLOSED;
        revision++;
    }

    @EventSourcingHandler
    void on(IssueReopened event) {
        status = IssueStatus.OPEN;
        revision++;
    }

    @EventSourcingHandler
    void on(IssueSharedWithPlace event) {
        shared = true;
    }
}
