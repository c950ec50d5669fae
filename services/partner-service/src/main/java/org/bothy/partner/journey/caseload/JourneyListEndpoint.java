package org.bothy.partner.journey.caseload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bothy.partner.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's journeys, paged, open first: {@code GET /journeys?status=&page=&size=}. */
@RestController
public class JourneyListEndpoint {

    private final JourneyList journeys;

    public JourneyListEndpoint(JourneyList journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/journeys")
    public Page<JourneySummary> journeys(@RequestParam(required = false)
                                         @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED")
                                         String status,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return journeys.page(status, page, size);
    }
}
