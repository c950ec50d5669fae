package org.bothy.partner.person;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.audit.AuditLog;
import org.bothy.support.web.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A person's consents: give one, withdraw one (DELETE or POST .../revocation), list them with their status. */
@RestController
public class ConsentEndpoint {

    private final CommandGateway commands;
    private final ConsentScopes scopes;
    private final PersonViews views;
    private final PersonRefusals refusals;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public ConsentEndpoint(CommandGateway commands, ConsentScopes scopes, PersonViews views,
                           PersonRefusals refusals, AuditLog audit) {
        this.commands = commands;
        this.scopes = scopes;
        this.views = views;
        this.refusals = refusals;
        this.audit = audit;
    }

    @PostMapping("/people/{personId}/consents")
    public ResponseEntity<ConsentView> give(@PathVariable String personId,
                                            @Valid @RequestBody GiveConsentRequest request) {
        scopes.refusal(request.scope()).ifPresent(reason -> {
            throw new InvalidField("scope", reason);
        });
        refusals.translate(() -> commands.sendAndWait(new GiveConsent(personId, request.scope(),
                request.expiresAt())));
        audit.record(personId, null, "consent.give");
        ConsentView given = consents(personId).stream()
                .filter(consent -> consent.scope().equals(request.scope()) && "ACTIVE".equals(consent.status()))
                .reduce((first, second) -> second).orElseThrow();
        return ResponseEntity.status(201).body(given);
    }

    @GetMapping("/people/{personId}/consents")
    public List<ConsentView> list(@PathVariable String personId) {
        List<ConsentView> consents = consents(personId);
        audit.record(personId, null, "consent.read");
        return consents;
    }

    @DeleteMapping("/people/{personId}/consents/{scope}")
    public ResponseEntity<Void> withdraw(@PathVariable String personId, @PathVariable String scope) {
        refusals.translate(() -> commands.sendAndWait(new RevokeConsent(personId, scope)));
        audit.record(personId, null, "consent.revoke");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/people/{personId}/consents/{scope}/revocation")
    public ResponseEntity<Void> revoke(@PathVariable String personId, @PathVariable String scope) {
        return withdraw(personId, scope);
    }

    private List<ConsentView> consents(String personId) {
        PersonHistory history = views.history(personId).orElseThrow(() -> refusals.noSuchPerson(personId));
        return history.erasedAt() != null ? List.of() : history.consents(clock.instant());
    }
}
