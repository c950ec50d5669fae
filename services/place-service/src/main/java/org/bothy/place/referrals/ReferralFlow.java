package org.bothy.place.referrals;

/**
 * Referrals one partner made to another in one month (YYYY-MM, of the day made), and what became of them: accepted,
 * declined, or still waiting for an answer.
 */
public record ReferralFlow(String month, String fromOrganisation, String toOrganisation, long made, long accepted,
                           long declined, long pending) {
}
