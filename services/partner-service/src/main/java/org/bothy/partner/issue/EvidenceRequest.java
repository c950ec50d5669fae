package org.bothy.partner.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /issues/{id}/evidence}: a journey of this organisation, and a barrier met on it if any. */
public record EvidenceRequest(@NotBlank @Size(max = 64) String journeyId, @Size(max = 64) String barrierId) {
}
