package org.bothy.partner.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.bothy.kernel.privacy.Pseudonymiser;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.audit.AuditLog;
import org.bothy.partner.journey.OpenJourney;
import org.bothy.partner.person.ConsentView;
import org.bothy.partner.person.IdentifyingDetails;
import org.bothy.partner.person.PersonRecords;
import org.bothy.partner.person.PersonRegistration;
import org.bothy.partner.person.PersonView;
import org.bothy.partner.person.PersonViews;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warm referrals between partners: made only with the person's consent to that partner, carrying who they are
 * sealed for it alone; accepted by opening a journey for them there, or declined with a reason.
 */
@Component
public class Referrals {

    /** The scope of consent a referral to {@code organisation} needs. */
    static String consentScope(String organisation) {
        return "referral:" + organisation;
    }

    private static final ObjectMapper JSON = ContractJson.mapper();

    private final String organisation;
    private final Codes codes;
    private final ReferralKeys keys;
    private final ReferralLedger ledger;
    private final ReferralOutbox outbox;
    private final PersonRecords people;
    private final PersonViews personViews;
    private final PersonRegistration registration;
    private final Pseudonymiser pseudonymiser;
    private final CommandGateway commands;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    public Referrals(PartnerOrganisation organisation, Codes codes, ReferralKeys keys, ReferralLedger ledger,
                     ReferralOutbox outbox, PersonRecords people, PersonViews personViews,
                     PersonRegistration registration, Pseudonymiser pseudonymiser, CommandGateway commands,
                     AuditLog audit, PlatformTransactionManager transactions) {
        this.organisation = organisation.code();
        this.codes = codes;
        this.keys = keys;
        this.ledger = ledger;
        this.outbox = outbox;
        this.people = people;
        this.personViews = personViews;
        this.registration = registration;
        this.pseudonymiser = pseudonymiser;
        this.commands = commands;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Refers the person on {@code journeyId} to another partner; refused without their consent to that partner. */
    public MadeReferral refer(String journeyId, ReferRequest request) {
        List<String> themes = request.themes() == null ? List.of() : request.themes().stream().distinct().toList();
        PublicKey receiver = checked(request, themes);
        String personId = people.personOfJourney(journeyId)
                .orElseThrow(() -> new NotFound("no journey " + journeyId + " for a registered person"));
        PersonView person = personViews.find(personId).orElseThrow(() -> new NotFound("no person " + personId));
        if (person.erased()) {
            throw new Conflict("the person on journey " + journeyId + " is erased");
        }
        Instant now = clock.instant();
        if (!consents(person, consentScope(request.to()), now)) {
            throw new Conflict("consent missing: the person has no consent in force for "
                    + consentScope(request.to()));
        }
        ReferredPerson referred = new ReferredPerson(person.fullName(), person.dateOfBirth(),
                person.contact() == null ? null : person.contact().phone(),
                person.contact() == null ? null : person.contact().email(),
                person.contact() == null ? null : person.contact().address());
        String referralId = UUID.randomUUID().toString();
        ReferralMade made = new ReferralMade(UUID.randomUUID().toString(), now, referralId, organisation, request.to(),
                person.pseudonym(), request.reason().strip(), themes, ReferralSeal.seal(receiver, referred.toBytes()));
        transaction.executeWithoutResult(status -> {
            ledger.sent(made, journeyId, personId);
            outbox.add(made);
            audit.record(personId, journeyId, "referral.make");
        });
        return new MadeReferral(referralId);
    }

    /** Accepts a waiting referral: registers the person here (or finds them) and opens a journey for them. */
    public AcceptedReferral accept(String referralId) {
        ReferralLedger.Received received = waiting(referralId);
        PrivateKey own = keys.own().orElseThrow(() ->
                new Conflict("this organisation has no referral key (bothy.referral.private-key) to open referrals"));
        ReferredPerson referred = open(own, received);
        if (!pseudonymiser.pseudonym(referred.fullName(), referred.dateOfBirth()).equals(received.pseudonym())) {
            throw new Conflict("the sealed details of referral " + referralId + " do not match its pseudonym");
        }
        String journeyId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return transaction.execute(status -> {
            String personId = people.livePersonWithPseudonym(received.pseudonym()).orElseGet(() ->
                    registration.register(new IdentifyingDetails(referred.fullName(), referred.dateOfBirth(),
                            new IdentifyingDetails.Contact(referred.phone(), referred.email(), referred.address())),
                            List.of()).personId());
            registration.openJourneyFor(journeyId, personId, null, null, List.of(),
                    pseudonym -> commands.sendAndWait(new OpenJourney(journeyId, pseudonym, "referral")));
            if (!ledger.accept(referralId, journeyId, now)) {
                throw new Conflict("referral " + referralId + " was answered meanwhile");
            }
            outbox.add(new ReferralAccepted(UUID.randomUUID().toString(), now, referralId,
                    received.fromOrganisation(), organisation));
            audit.record(personId, journeyId, "referral.accept");
            return new AcceptedReferral(referralId, journeyId, personId);
        });
    }

    /** Declines a waiting referral with a reason written for the referring partner. */
    public void decline(String referralId, DeclineRequest request) {
        ReferralLedger.Received received = waiting(referralId);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (!ledger.decline(referralId, request.reason().strip(), now)) {
                throw new Conflict("referral " + referralId + " was answered meanwhile");
            }
            outbox.add(new ReferralDeclined(UUID.randomUUID().toString(), now, referralId,
                    received.fromOrganisation(), organisation, request.reason().strip()));
        });
    }

    /** Who a waiting referral is about, opened with this organisation's key; null when it cannot be opened. */
    ReferredPerson peek(ReferralLedger.Received received) {
        if (received.sealedDetails() == null || keys.own().isEmpty()) {
            return null;
        }
        try {
            return open(keys.own().get(), received);
        } catch (ReferralSeal.SealUnreadable unreadable) {
            return null;
        }
    }

    private ReferralLedger.Received waiting(String referralId) {
        ReferralLedger.Received received = ledger.findReceived(referralId)
                .orElseThrow(() -> new NotFound("no referral " + referralId + " to this organisation"));
        if (!ReferralLedger.WAITING.equals(received.status())) {
            throw new Conflict("referral " + referralId + " is already " + received.status());
        }
        return received;
    }

    private static ReferredPerson open(PrivateKey own, ReferralLedger.Received received) {
        if (received.sealedDetails() == null) {
            throw new Conflict("referral " + received.referralId() + " holds no details any more");
        }
        try {
            SealedEnvelope envelope = JSON.readValue(received.sealedDetails(), SealedEnvelope.class);
            return ReferredPerson.fromBytes(ReferralSeal.open(own, envelope));
        } catch (IOException | ReferralSeal.SealUnreadable e) {
            throw new Conflict("referral " + received.referralId() + " cannot be opened with this organisation's key");
        }
    }

    private PublicKey checked(ReferRequest request, List<String> themes) {
        List<FieldProblem> problems = new ArrayList<>();
        PublicKey receiver = null;
        try {
            codes.organisation(request.to());
            if (organisation.equals(request.to())) {
                problems.add(new FieldProblem("to", "a referral goes to another organisation than " + organisation));
            } else {
                receiver = keys.partner(request.to()).orElse(null);
                if (receiver == null) {
                    problems.add(new FieldProblem("to", "no referral key is configured for " + request.to()
                            + " (bothy.referral.partners." + request.to() + ".public-key)"));
                }
            }
        } catch (UnknownCodeException unknown) {
            problems.add(new FieldProblem("to", unknown.getMessage()));
        }
        for (int i = 0; i < themes.size(); i++) {
            try {
                codes.theme(themes.get(i));
            } catch (UnknownCodeException unknown) {
                problems.add(new FieldProblem("themes[" + i + "]", unknown.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return receiver;
    }

    private static boolean consents(PersonView person, String scope, Instant now) {
        List<ConsentView> consents = person.consents() == null ? List.of() : person.consents();
        return consents.stream().anyMatch(consent -> consent.scope().equals(scope) && "ACTIVE".equals(consent.status())
                && (consent.expiresAt() == null || consent.expiresAt().isAfter(now)));
    }
}
