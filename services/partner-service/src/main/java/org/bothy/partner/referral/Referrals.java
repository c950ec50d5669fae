package org.bothy.partner.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.bothy.kernel.privacy.Pseudonymiser;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.audit.AuditLog;
import org.bothy.partner.journey.JourneyViews;
import org.bothy.partner.journey.OpenJourney;
import org.bothy.partner.person.ConsentView;
import org.bothy.partner.person.DetailsUnreadable;
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
 * Warm referrals between partners, as the workers ask for them: gathers what the Referral and ReceivedReferral
 * aggregates decide on (the person's consents, whether the journey is open, who the sealed details name), seals
 * what must not be readable, and says the aggregates' refusals in HTTP terms. The rules themselves live in the
 * aggregates.
 */
@Component
public class Referrals {

    private static final ObjectMapper JSON = ContractJson.mapper();

    private final String organisation;
    private final Codes codes;
    private final ReferralKeys keys;
    private final ReferralLedger ledger;
    private final ReceivedDetailsKeys detailsKeys;
    private final SealedForPerson reasons;
    private final PersonRecords people;
    private final PersonViews personViews;
    private final JourneyViews journeys;
    private final PersonRegistration registration;
    private final Pseudonymiser pseudonymiser;
    private final CommandGateway commands;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    public Referrals(PartnerOrganisation organisation, Codes codes, ReferralKeys keys, ReferralLedger ledger,
                     ReceivedDetailsKeys detailsKeys, SealedForPerson reasons, PersonRecords people,
                     PersonViews personViews, JourneyViews journeys, PersonRegistration registration,
                     Pseudonymiser pseudonymiser, CommandGateway commands, AuditLog audit,
                     PlatformTransactionManager transactions) {
        this.organisation = organisation.code();
        this.codes = codes;
        this.keys = keys;
        this.ledger = ledger;
        this.detailsKeys = detailsKeys;
        this.reasons = reasons;
        this.people = people;
        this.personViews = personViews;
        this.journeys = journeys;
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
        boolean journeyOpen = journeys.find(journeyId).map(journey -> "OPEN".equals(journey.status())).orElse(false);
        ReferredPerson referred = new ReferredPerson(person.fullName(), person.dateOfBirth(),
                person.contact() == null ? null : person.contact().phone(),
                person.contact() == null ? null : person.contact().email(),
                person.contact() == null ? null : person.contact().address());
        String referralId = UUID.randomUUID().toString();
        String sealedReason = reasons.seal(personId, request.reason().strip())
                .orElseThrow(() -> new Conflict("the person on journey " + journeyId + " is erased"));
        MakeReferral make = new MakeReferral(referralId, journeyId, personId, person.pseudonym(), organisation,
                request.to(), sealedReason, themes, ReferralSeal.seal(receiver, referred.toBytes()), journeyOpen,
                consentsInForce(person), clock.instant());
        decided(referralId, () -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(make);
            audit.record(personId, journeyId, "referral.make");
        }));
        return new MadeReferral(referralId);
    }

    /** Accepts a waiting referral: registers the person here (or finds them) and opens a journey for them. */
    public AcceptedReferral accept(String referralId) {
        ReferralLedger.Received received = waiting(referralId);
        PrivateKey own = keys.own().orElseThrow(() ->
                new Conflict("this organisation has no referral key (bothy.referral.private-key) to open referrals"));
        ReferredPerson referred = open(own, received);
        String openedPseudonym = pseudonymiser.pseudonym(referred.fullName(), referred.dateOfBirth());
        String journeyId = UUID.randomUUID().toString();
        return decided(referralId, () -> transaction.execute(status -> {
            String personId = people.livePersonWithPseudonym(openedPseudonym).orElseGet(() ->
                    registration.register(new IdentifyingDetails(referred.fullName(), referred.dateOfBirth(),
                            new IdentifyingDetails.Contact(referred.phone(), referred.email(), referred.address())),
                            List.of()).personId());
            registration.openJourneyFor(journeyId, personId, null, null, List.of(),
                    pseudonym -> commands.sendAndWait(new OpenJourney(journeyId, pseudonym, "referral")));
            // refused, this rolls back the person and the journey with it
            commands.sendAndWait(new AcceptReferral(referralId, journeyId, personId, openedPseudonym));
            audit.record(personId, journeyId, "referral.accept");
            return new AcceptedReferral(referralId, journeyId, personId);
        }));
    }

    /** Declines a waiting referral with a reason written for the referring partner. */
    public void decline(String referralId, DeclineRequest request) {
        waiting(referralId);
        decided(referralId, () -> transaction.executeWithoutResult(status ->
                commands.sendAndWait(new DeclineReferral(referralId, request.reason()))));
    }

    /** Who a waiting referral is about, opened with this organisation's key; null when it cannot be opened. */
    ReferredPerson peek(ReferralLedger.Received received) {
        if (received.sealedDetails() == null || keys.own().isEmpty()) {
            return null;
        }
        try {
            return open(keys.own().get(), received);
        } catch (Conflict unreadable) {
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

    private ReferredPerson open(PrivateKey own, ReferralLedger.Received received) {
        String envelope;
        try {
            envelope = received.sealedDetails() == null ? null
                    : detailsKeys.open(received.referralId(), received.sealedDetails()).orElse(null);
        } catch (DetailsUnreadable unreadable) {
            throw new Conflict("referral " + received.referralId() + " cannot be opened with its own key");
        }
        if (envelope == null) {
            throw new Conflict("referral " + received.referralId() + " holds no details any more");
        }
        try {
            return ReferredPerson.fromBytes(ReferralSeal.open(own, JSON.readValue(envelope, SealedEnvelope.class)));
        } catch (IOException | ReferralSeal.SealUnreadable e) {
            throw new Conflict("referral " + received.referralId() + " cannot be opened with this organisation's key");
        }
    }

    private static void decided(String referralId, Runnable dispatch) {
        decided(referralId, () -> {
            dispatch.run();
            return null;
        });
    }

    private static <T> T decided(String referralId, Supplier<T> dispatch) {
        try {
            return dispatch.get();
        } catch (ReferralRefused refused) {
            throw refused.field() == null ? new Conflict(refused.getMessage())
                    : new InvalidField(refused.field(), refused.getMessage());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFound("no referral " + referralId + " to this organisation");
        }
    }

    private PublicKey checked(ReferRequest request, List<String> themes) {
        List<FieldProblem> problems = new ArrayList<>();
        PublicKey receiver = null;
        try {
            codes.organisation(request.to());
            // the Referral aggregate refuses this too; said here as well so that one answer names every bad field
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

    private static List<MakeReferral.ConsentInForce> consentsInForce(PersonView person) {
        List<ConsentView> consents = person.consents() == null ? List.of() : person.consents();
        return consents.stream().filter(consent -> "ACTIVE".equals(consent.status()))
                .map(consent -> new MakeReferral.ConsentInForce(consent.scope(), consent.expiresAt())).toList();
    }
}
