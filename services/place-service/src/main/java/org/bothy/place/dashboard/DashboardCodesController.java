package org.bothy.place.dashboard;

import org.bothy.kernel.codes.Codes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the code lists to the dashboard without a token: they are the consortium's published language, not data. */
@RestController
public class DashboardCodesController {

    private final DashboardCodes codes = DashboardCodes.of(Codes.northEdinburgh());

    /** Organisations, themes, system actors, levels and owners with their labels. */
    @GetMapping("/dashboard/codes.json")
    public DashboardCodes codes() {
        return codes;
    }
}
