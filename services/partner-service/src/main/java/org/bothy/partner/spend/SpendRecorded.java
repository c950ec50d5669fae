package org.bothy.partner.spend;

/** Private event: one line of a project's spend; the supplier stays inside this organisation. */
public record SpendRecorded(String projectId, String lineId, String supplier, long amountPence, boolean local) {
}
