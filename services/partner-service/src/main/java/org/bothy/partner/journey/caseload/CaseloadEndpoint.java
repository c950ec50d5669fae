package org.bothy.partner.journey.caseload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bothy.partner.web.Page;
import org.bothy.support.security.BothyPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling worker's caseload, paged: {@code GET /caseload}. */
@RestController
public class CaseloadEndpoint {

    private final Caseload caseload;

    public CaseloadEndpoint(Caseload caseload) {
        this.caseload = caseload;
    }

    @GetMapping("/caseload")
    public Page<CaseloadEntry> caseload(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return caseload.of(BothyPrincipal.current().subject(), page, size);
    }
}
