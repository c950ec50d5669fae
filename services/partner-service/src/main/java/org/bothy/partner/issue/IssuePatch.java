package org.bothy.partner.issue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PATCH /issues/{id}}: only the columns to change; a column left out stays as it is. */
public record IssuePatch(
        @Size(max = 2000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String description,
        @Min(1) @Max(3) Integer level,
        @Size(max = 64) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String owner,
        @Size(max = 2000) String countermeasure,
        @Size(max = 2000) String systemChange,
        @Size(max = 20) List<@jakarta.validation.constraints.NotBlank String> themes,
        @Size(max = 20) List<@jakarta.validation.constraints.NotBlank String> systemActors) {

    /** The change this patch asks for. */
    IssueChange asChange() {
        return new IssueChange(description, level, owner, countermeasure, systemChange, themes, systemActors);
    }
}
