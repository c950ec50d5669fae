package org.bothy.partner.journey.conversation;

import jakarta.validation.Valid;
import org.bothy.partner.journey.IfMatch;
import org.bothy.partner.journey.JourneyChanges;
import org.bothy.partner.journey.Today;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Keeps a private note of a conversation: {@code POST /journeys/{journeyId}/conversations}. */
@RestController
public class ConversationEndpoint {

    /** The answer to recording a conversation: its id. */
    public record RecordedConversation(String conversationId) {
    }

    private final JourneyChanges changes;

    public ConversationEndpoint(JourneyChanges changes) {
        this.changes = changes;
    }

    @PostMapping("/journeys/{journeyId}/conversations")
    public ResponseEntity<RecordedConversation> record(@PathVariable String journeyId,
                                                       @RequestHeader(value = IfMatch.HEADER, required = false)
                                                       String ifMatch,
                                                       @Valid @RequestBody ConversationRequest request) {
        String conversationId = RandomIds.next();
        return changes.record(journeyId, new RecordConversation(journeyId, conversationId,
                Today.orToday(request.heldOn()), request.note(), IfMatch.version(ifMatch)),
                new RecordedConversation(conversationId));
    }
}
