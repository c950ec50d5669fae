package org.bothy.partner.issue;

import java.util.List;

/**
 * What an issue says, in the consortium's own columns: its description (written for sharing), level (1 individual,
 * 2 system, 3 macro), owner (team, leadership, government), the countermeasure for now, the system change that
 * would make a new normal, and the themes and system actors it concerns.
 */
public record IssueContent(
        String description,
        int level,
        String owner,
        String countermeasure,
        String systemChange,
        List<String> themes,
        List<String> systemActors) {

    public IssueContent {
        // an empty countermeasure or system change is no countermeasure or system change: that is how one is cleared
        countermeasure = countermeasure == null || countermeasure.isBlank() ? null : countermeasure;
        systemChange = systemChange == null || systemChange.isBlank() ? null : systemChange;
        // a code named twice is named once: the consortium counts issues by theme and system actor
        themes = themes == null ? List.of() : themes.stream().distinct().toList();
        systemActors = systemActors == null ? List.of() : systemActors.stream().distinct().toList();
    }

    /** This content with every field {@code change} sets replaced. */
    public IssueContent with(IssueChange change) {
        return new IssueContent(
                change.description() != null ? change.description() : description,
                change.level() != null ? change.level() : level,
                change.owner() != null ? change.owner() : owner,
                change.countermeasure() != null ? change.countermeasure() : countermeasure,
                change.systemChange() != null ? change.systemChange() : systemChange,
                change.themes() != null ? change.themes() : themes,
                change.systemActors() != null ? change.systemActors() : systemActors);
    }

    /** The names of the fields that differ between this content and {@code other}, in column order. */
    public List<String> fieldsChangedTo(IssueContent other) {
        java.util.ArrayList<String> changed = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(description, other.description)) {
            changed.add("description");
        }
        if (level != other.level) {
            changed.add("level");
        }
        if (!java.util.Objects.equals(owner, other.owner)) {
            changed.add("owner");
        }
        if (!java.util.Objects.equals(countermeasure, other.countermeasure)) {
            changed.add("countermeasure");
        }
        if (!java.util.Objects.equals(systemChange, other.systemChange)) {
            changed.add("systemChange");
        }
        if (!themes.equals(other.themes)) {
            changed.add("themes");
        }
        if (!systemActors.equals(other.systemActors)) {
            changed.add("systemActors");
        }
        return List.copyOf(changed);
    }
}
