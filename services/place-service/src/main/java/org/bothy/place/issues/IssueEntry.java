package org.bothy.place.issues;

/**
 * One issue of the consolidated log at its latest revision, with the evidence behind it: the partner's own counts of
 * barriers and journeys, and the distinct people the place has seen meet a barrier of its themes and system actors
 * at that organisation ({@code peopleSeen}). Themes and system actors are separated by spaces.
 */
public record IssueEntry(String organisation, String issueId, int revision, String description, int level, String status,
                         String owner, String countermeasure, String systemChange, String themes, String systemActors,
                         int barrierCount, int journeyCount, long peopleSeen, String publishedAt) {
}
