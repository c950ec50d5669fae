package org.bothy.partner.spend;

/** The answer to recording a spend line: its id. */
public record RecordedSpendLine(String lineId) {
}
