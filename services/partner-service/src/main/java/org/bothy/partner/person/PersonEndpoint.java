package org.bothy.partner.person;

import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.audit.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The HTTP face of people: register someone, read them back, erase them (leads only, see PersonAccess). */
@RestController
public class PersonEndpoint {

    private final PersonRegistration registration;
    private final PersonViews views;
    private final CommandGateway commands;
    private final PersonRefusals refusals;
    private final AuditLog audit;

    public PersonEndpoint(PersonRegistration registration, PersonViews views, CommandGateway commands,
                          PersonRefusals refusals, AuditLog audit) {
        this.registration = registration;
        this.views = views;
        this.commands = commands;
        this.refusals = refusals;
        this.audit = audit;
    }

    @PostMapping("/people")
    public ResponseEntity<RegisteredPerson> register(@Valid @RequestBody RegisterPersonRequest request) {
        RegisteredPerson person = registration.register(request.details(), request.consents());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{personId}")
                .buildAndExpand(person.personId()).toUri();
        return ResponseEntity.created(location).body(person);
    }

    @GetMapping("/people/{personId}")
    public PersonView person(@PathVariable String personId) {
        PersonView person = views.find(personId).orElseThrow(() -> refusals.noSuchPerson(personId));
        audit.record(personId, null, "person.read");
        return person;
    }

    @PostMapping("/people/{personId}/erasure")
    public ResponseEntity<Void> erase(@PathVariable String personId) {
        refusals.translate(() -> commands.sendAndWait(new ErasePerson(personId)));
        audit.record(personId, null, "person.erase");
        return ResponseEntity.noContent().build();
    }
}
