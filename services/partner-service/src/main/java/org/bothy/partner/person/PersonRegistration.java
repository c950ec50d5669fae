package org.bothy.partner.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.kernel.privacy.Pseudonymiser;
import org.bothy.partner.audit.AuditLog;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.bothy.support.ids.RandomIds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers people and opens journeys for them. The key, the sealed details, the events and the tables are written
 * in one transaction, so that a person is never half registered.
 */
@Component
public class PersonRegistration {

    private final CommandGateway commands;
    private final Pseudonymiser pseudonymiser;
    private final SealedDetails sealed;
    private final PersonRecords records;
    private final ConsentScopes scopes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public PersonRegistration(CommandGateway commands, Pseudonymiser pseudonymiser, SealedDetails sealed,
                              PersonRecords records, ConsentScopes scopes, AuditLog audit,
                              PlatformTransactionManager transactions) {
        this.commands = commands;
        this.pseudonymiser = pseudonymiser;
        this.sealed = sealed;
        this.records = records;
        this.scopes = scopes;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Registers someone new; a person already registered here under the same pseudonym is a conflict. */
    public RegisteredPerson register(IdentifyingDetails details, List<String> consents) {
        List<String> given = checkedScopes(consents);
        String pseudonym = pseudonymiser.pseudonym(details.fullName(), details.dateOfBirth());
        records.livePersonWithPseudonym(pseudonym).ifPresent(existing -> {
            throw new Conflict("this person is already registered as " + existing);
        });
        return transaction.execute(status -> registerNow(details, pseudonym, given));
    }

    /**
     * Opens a journey for a person, named by id or by name and date of birth (registered on the fly, or found if
     * already registered here); {@code consents} are given as it opens. {@code open} dispatches the journey's own
     * command with the pseudonym, inside the same transaction.
     */
    public RegisteredPerson openJourneyFor(String journeyId, String personId, String fullName, LocalDate dateOfBirth,
                                           List<String> consents, Consumer<String> open) {
        List<String> given = checkedScopes(consents);
        if ((personId == null) == (fullName == null && dateOfBirth == null)) {
            throw new InvalidField("personId", "give either personId or person, not both and not neither");
        }
        return transaction.execute(status -> {
            RegisteredPerson person;
            if (personId != null) {
                PersonRecords.Registered registered = records.find(personId)
                        .orElseThrow(() -> new NotFound("no person " + personId));
                if (registered.erased()) {
                    throw new Conflict("person " + personId + " is erased");
                }
                person = new RegisteredPerson(personId, registered.pseudonym());
                given.forEach(scope -> commands.sendAndWait(new GiveConsent(personId, scope, null)));
            } else {
                String pseudonym = pseudonymiser.pseudonym(fullName, dateOfBirth);
                person = records.livePersonWithPseudonym(pseudonym)
                        .map(existing -> {
                            given.forEach(scope -> commands.sendAndWait(new GiveConsent(existing, scope, null)));
                            return new RegisteredPerson(existing, pseudonym);
                        })
                        .orElseGet(() -> registerNow(new IdentifyingDetails(fullName, dateOfBirth, null), pseudonym,
                                given));
            }
            records.linkJourney(journeyId, person.personId());
            open.accept(person.pseudonym());
            audit.record(person.personId(), journeyId, "journey.open");
            return person;
        });
    }

    private RegisteredPerson registerNow(IdentifyingDetails details, String pseudonym, List<String> consents) {
        String personId = RandomIds.next();
        String sealedDetails = sealed.sealForNewPerson(personId, details);
        commands.sendAndWait(new RegisterPerson(personId, pseudonym, sealedDetails, consents));
        audit.record(personId, null, "person.register");
        return new RegisteredPerson(personId, pseudonym);
    }

    private List<String> checkedScopes(List<String> consents) {
        if (consents == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < consents.size(); i++) {
            int index = i;
            scopes.refusal(consents.get(i)).ifPresent(reason ->
                    problems.add(new FieldProblem("consents[" + index + "]", reason)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return consents.stream().distinct().toList();
    }
}
