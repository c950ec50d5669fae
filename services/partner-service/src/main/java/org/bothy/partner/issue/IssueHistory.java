package org.bothy.partner.issue;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads from an issue's own events what changed after a given version: the answer to a stale edit. */
@Component
public class IssueHistory {

    private final EventStore eventStore;

    public IssueHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The changes made after {@code version}, oldest first. */
    public List<IssueChangeSince> since(String issueId, long version) {
        List<IssueChangeSince> changes = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(issueId, version + 1);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            long at = event.getSequenceNumber();
            Object payload = event.getPayload();
            if (payload instanceof IssueEdited edited) {
                changes.add(new IssueChangeSince(at, "edited", edited.changed(), event.getTimestamp()));
            } else if (payload instanceof EvidenceLinked) {
                changes.add(new IssueChangeSince(at, "evidence-linked", List.of("evidence"), event.getTimestamp()));
            } else if (payload instanceof IssueClosed) {
                changes.add(new IssueChangeSince(at, "closed", List.of("status"), event.getTimestamp()));
            } else if (payload instanceof IssueReopened) {
                changes.add(new IssueChangeSince(at, "reopened", List.of("status"), event.getTimestamp()));
            }
            // sharing with the place changes nothing an editor sees, so it is not listed
        }
        return changes;
    }
}
