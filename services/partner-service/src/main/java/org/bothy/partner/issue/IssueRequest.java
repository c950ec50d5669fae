package org.bothy.partner.issue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /issues} and {@code PUT /issues/{id}}: every column of the issue log. The description is
 * written for sharing: an issue the place must see crosses the boundary with it.
 */
public record IssueRequest(
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Min(1) @Max(3) Integer level,
        @NotBlank @Size(max = 64) String owner,
        @Size(max = 2000) String countermeasure,
        @Size(max = 2000) String systemChange,
        @Size(max = 20) List<@NotBlank String> themes,
        @Size(max = 20) List<@NotBlank String> systemActors) {

    /** The content this request gives an issue. */
    IssueContent content() {
        return new IssueContent(description, level, owner, countermeasure, systemChange, themes, systemActors);
    }

    /** The same, as a change that replaces every column: what is left out is cleared. */
    IssueChange asChange() {
        return new IssueChange(description, level, owner, countermeasure == null ? "" : countermeasure,
                systemChange == null ? "" : systemChange,
                themes == null ? List.of() : themes, systemActors == null ? List.of() : systemActors);
    }
}
