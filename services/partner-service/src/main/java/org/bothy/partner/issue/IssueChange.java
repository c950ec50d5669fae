package org.bothy.partner.issue;

import java.util.List;

/** An edit of an issue's content: a field left null stays as it is; an empty countermeasure or system change clears it. */
public record IssueChange(
        String description,
        Integer level,
        String owner,
        String countermeasure,
        String systemChange,
        List<String> themes,
        List<String> systemActors) {
}
