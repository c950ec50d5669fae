package org.bothy.place.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starts a rebuild of every projection from the topics, and shows how far it has got. Administrators only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {

    private final ProjectionRebuild rebuild;

    public RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Starts a rebuild (or returns the one under way). */
    @PostMapping("/admin/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every projection from the learning topics into shadow tables, then swap them in")
    public RebuildProgress start() {
        return rebuild.start();
    }

    /** Events done of total, rate and time left. */
    @GetMapping("/admin/rebuild")
    @Operation(summary = "Progress of the current or last rebuild: events done of total, events/s, seconds left")
    public RebuildProgress progress() {
        return rebuild.progress();
    }
}
