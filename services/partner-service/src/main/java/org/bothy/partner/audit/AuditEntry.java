package org.bothy.partner.audit;

import java.time.Instant;

/**
 * One read or change of a person's record: who (token subject and role), what, whose record, when. It holds no
 * personal data, only ids and the name of the action.
 */
public record AuditEntry(long entryId, Instant at, String subject, String role, String action, String personId,
                         String journeyId) {
}
