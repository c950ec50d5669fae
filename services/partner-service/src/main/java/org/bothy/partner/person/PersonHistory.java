package org.bothy.partner.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds a person's events, in order, into what this service holds about them; plain code, no framework. */
public final class PersonHistory {

    private String personId;
    private String pseudonym;
    private String sealedDetails;
    private Instant registeredAt;
    private Instant erasedAt;
    private final List<Consent> consents = new ArrayList<>();

    /** Applies one stored event and the time it was stored; events of other kinds are ignored. */
    public PersonHistory apply(Object event, Instant at) {
        if (event instanceof PersonRegistered registered) {
            personId = registered.personId();
            pseudonym = registered.pseudonym();
            sealedDetails = registered.sealedDetails();
            registeredAt = at;
        } else if (event instanceof ConsentGiven given) {
            Optional<Consent> inForce = inForce(given.scope());
            if (inForce.isPresent()) {
                inForce.get().expiresAt = given.expiresAt();
            } else {
                consents.add(new Consent(given.scope(), at, given.expiresAt()));
            }
        } else if (event instanceof ConsentRevoked revoked) {
            inForce(revoked.scope()).ifPresent(consent -> consent.end(at, "REVOKED"));
        } else if (event instanceof ConsentExpired expired) {
            inForce(expired.scope()).ifPresent(consent -> consent.end(expired.expiredAt(), "EXPIRED"));
        } else if (event instanceof PersonErased) {
            erasedAt = at;
        }
        return this;
    }

    private Optional<Consent> inForce(String scope) {
        return consents.stream().filter(consent -> consent.scope.equals(scope) && consent.endedAt == null).findFirst();
    }

    /** Whether anyone was registered under this id. */
    public boolean exists() {
        return personId != null;
    }

    public String personId() {
        return personId;
    }

    public String pseudonym() {
        return pseudonym;
    }

    public String sealedDetails() {
        return sealedDetails;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    /** Every consent ever given, oldest first, with its status as of {@code now} (an expired one is withdrawn). */
    public List<ConsentView> consents(Instant now) {
        return consents.stream().map(consent -> consent.view(now)).toList();
    }

    private static final class Consent {
        private final String scope;
        private final Instant givenAt;
        private Instant expiresAt;
        private Instant endedAt;
        private String endedAs;

        Consent(String scope, Instant givenAt, Instant expiresAt) {
            this.scope = scope;
            this.givenAt = givenAt;
            this.expiresAt = expiresAt;
        }

        void end(Instant at, String as) {
            endedAt = at;
            endedAs = as;
        }

        ConsentView view(Instant now) {
            String status = endedAs != null ? endedAs
                    : expiresAt != null && !expiresAt.isAfter(now) ? "EXPIRED" : "ACTIVE";
            Instant ended = endedAt != null ? endedAt : "EXPIRED".equals(status) ? expiresAt : null;
            return new ConsentView(scope, status, givenAt, expiresAt, ended);
        }
    }
}
