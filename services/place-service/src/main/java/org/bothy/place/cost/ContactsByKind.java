package org.bothy.place.cost;

/** Contacts of one kind (visit, call, message, meeting) at one organisation, with their minutes and spend. */
public record ContactsByKind(String organisation, String kind, long contacts, long minutes, long spendPence) {
}
