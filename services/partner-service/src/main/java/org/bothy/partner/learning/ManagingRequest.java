package org.bothy.partner.learning;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** How a learning cycle is managed, as a request gives it; connections are other cycles' ids. */
public record ManagingRequest(
        @Size(max = 4000) String time,
        @Size(max = 4000) String resources,
        @Size(max = 4000) String enablers,
        @Size(max = 4000) String barriers,
        @Size(max = 256) List<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
                message = "must be a cycle id: letters, digits, hyphens and underscores, at most 64") String>
                connections) {

    CycleManaging managing() {
        return new CycleManaging(time, resources, enablers, barriers, connections);
    }
}
