package org.bothy.place.reach;

/** The people one organisation saw, and how many of them were seen at another organisation's door too. */
public record RevolvingDoor(String organisation, long people, long seenElsewhereToo) {
}
