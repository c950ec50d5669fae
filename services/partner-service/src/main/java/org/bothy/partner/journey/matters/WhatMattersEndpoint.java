package org.bothy.partner.journey.matters;

import jakarta.validation.Valid;
import org.bothy.partner.journey.IfMatch;
import org.bothy.partner.journey.JourneyChanges;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Records, and rewrites, what matters to the person: {@code PUT /journeys/{journeyId}/what-matters}. */
@RestController
public class WhatMattersEndpoint {

    private final JourneyChanges changes;

    public WhatMattersEndpoint(JourneyChanges changes) {
        this.changes = changes;
    }

    @PutMapping("/journeys/{journeyId}/what-matters")
    public ResponseEntity<Void> record(@PathVariable String journeyId,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody WhatMattersRequest request) {
        return changes.change(journeyId,
                new RecordWhatMatters(journeyId, request.inTheirWords(), IfMatch.version(ifMatch)));
    }
}
