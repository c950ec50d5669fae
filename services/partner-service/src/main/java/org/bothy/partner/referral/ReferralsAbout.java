package org.bothy.partner.referral;

import java.util.List;

/**
 * A person's referrals, for their subject access export: those this organisation made about them, and those made to
 * it that were accepted onto one of their journeys here (without the sealed details: they are in the export's person).
 */
public record ReferralsAbout(List<OutboxItem> made, List<InboxItem> received) {
}
