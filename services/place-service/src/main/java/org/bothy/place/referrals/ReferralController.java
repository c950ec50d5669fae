package org.bothy.place.referrals;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.ViewFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Referral flows between partners, for place leads. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class ReferralController {

    private final ReferralFlows flows;

    public ReferralController(ReferralFlows flows) {
        this.flows = flows;
    }

    /** Referrals made, accepted, declined and pending, by month and from one partner to another. */
    @GetMapping(value = "/referrals/flows", produces = {"application/json", "text/csv"})
    @Operation(summary = "Referral flows: per month (YYYY-MM) made, from organisation -> to organisation: made, accepted, "
            + "declined, pending; organisation keeps either side, theme the referrals about it")
    public List<ReferralFlow> flows(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String organisation,
                                    @RequestParam(required = false) String theme,
                                    @RequestParam(required = false) String systemActor) {
        return flows.byMonth(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }
}
