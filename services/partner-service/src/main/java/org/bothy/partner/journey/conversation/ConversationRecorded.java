package org.bothy.partner.journey.conversation;

import java.time.LocalDate;

/** Private event: a conversation with the person, and its note; nothing of it leaves this organisation. */
public record ConversationRecorded(String journeyId, String conversationId, LocalDate heldOn, String note) {
}
