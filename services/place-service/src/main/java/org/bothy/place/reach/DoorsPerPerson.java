package org.bothy.place.reach;

/** How many people were seen at exactly {@code organisations} organisations. */
public record DoorsPerPerson(int organisations, long people) {
}
