package org.bothy.escalation.accountability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Place leads read how each statutory body has answered: as JSON for the page, and as a summary fit to publish. */
@RestController
public class AccountabilityController {

    private final AccountabilityRecords records;
    private final AccountabilityFigures figures;
    private final Clock clock;

    public AccountabilityController(AccountabilityRecords records, Codes codes, DisclosureControl disclosure, Clock clock) {
        this.records = records;
        this.figures = new AccountabilityFigures(codes, disclosure);
        this.clock = clock;
    }

    @GetMapping(value = "/accountability", produces = MediaType.APPLICATION_JSON_VALUE)
    public Accountability accountability() {
        return figures.of(records.all(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), clock.instant());
    }

    @GetMapping(value = "/accountability/summary", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> summary() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", SummaryPage.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SummaryPage.render(accountability()));
    }
}
