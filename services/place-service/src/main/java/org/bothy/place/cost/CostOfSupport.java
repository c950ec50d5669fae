package org.bothy.place.cost;

/**
 * The cost of support at one organisation (or {@code all}), per journey or per person ({@code per}): how many there
 * were, their contacts, minutes and spend in all, and the spread of spend and minutes across them.
 */
public record CostOfSupport(String organisation, String per, long count, long contacts, long minutes, long spendPence,
                            long meanSpendPence, long p25SpendPence, long medianSpendPence, long p75SpendPence,
                            long p90SpendPence, long medianMinutes, long p90Minutes, long medianContacts) {
}
