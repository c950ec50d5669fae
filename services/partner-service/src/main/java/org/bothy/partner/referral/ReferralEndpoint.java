package org.bothy.partner.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.bothy.support.web.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP face of referrals: refer a journey to another partner, see what this organisation referred and what was
 * referred to it, and accept or decline what waits.
 */
@RestController
@Validated
public class ReferralEndpoint {

    private static final List<String> STATUSES = List.of(ReferralLedger.WAITING, ReferralLedger.ACCEPTED,
            ReferralLedger.DECLINED);

    private final Referrals referrals;
    private final ReferralLedger ledger;

    public ReferralEndpoint(Referrals referrals, ReferralLedger ledger) {
        this.referrals = referrals;
        this.ledger = ledger;
    }

    @PostMapping("/journeys/{journeyId}/referrals")
    public ResponseEntity<MadeReferral> refer(@PathVariable String journeyId, @Valid @RequestBody ReferRequest request) {
        MadeReferral made = referrals.refer(journeyId, request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/referrals/outbox").build().toUri();
        return ResponseEntity.created(location).body(made);
    }

    @GetMapping("/referrals/outbox")
    public List<OutboxItem> outbox(@RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return ledger.outbox(checked(status), size, page * size).stream().map(OutboxItem::of).toList();
    }

    @GetMapping("/referrals/inbox")
    public List<InboxItem> inbox(@RequestParam(required = false) String status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return ledger.inbox(checked(status), size, page * size).stream()
                .map(received -> InboxItem.of(received, referrals.peek(received))).toList();
    }

    @PostMapping("/referrals/{referralId}/acceptance")
    public ResponseEntity<AcceptedReferral> accept(@PathVariable String referralId) {
        AcceptedReferral accepted = referrals.accept(referralId);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/journeys/{journeyId}")
                .buildAndExpand(accepted.journeyId()).toUri();
        return ResponseEntity.created(location).body(accepted);
    }

    @PostMapping("/referrals/{referralId}/decline")
    public ResponseEntity<Void> decline(@PathVariable String referralId, @Valid @RequestBody DeclineRequest request) {
        referrals.decline(referralId, request);
        return ResponseEntity.noContent().build();
    }

    private static String checked(String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidField("status", "must be one of " + String.join(", ", STATUSES));
        }
        return status;
    }
}
