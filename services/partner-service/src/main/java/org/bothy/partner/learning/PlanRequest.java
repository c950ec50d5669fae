package org.bothy.partner.learning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A learning cycle's plan as a request gives it; the question is written for sharing. */
public record PlanRequest(
        @Size(max = 4000) String purpose,
        @NotBlank @Size(max = 4000) String question,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> actions,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> data,
        @Size(max = 4000) String senseMaking,
        @Size(max = 4000) String safeToFail,
        @Size(max = 4000) String countermeasures) {

    CyclePlan plan() {
        return new CyclePlan(purpose, question, actions, data, senseMaking, safeToFail, countermeasures);
    }
}
