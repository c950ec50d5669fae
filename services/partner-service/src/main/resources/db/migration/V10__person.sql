-- The person's own key: erasure deletes the row, and with it every way to read their sealed details
-- (crypto-shredding). One row per person.
create table person_key (
    person_id  varchar(36) not null primary key,
    key_bytes  bytea       not null,
    created_at timestamptz not null default now()
);

-- Who is registered here, by id and pseudonym only: the details live sealed in the event store.
create table person (
    person_id     varchar(36) not null primary key,
    pseudonym     varchar(64) not null,
    registered_at timestamptz not null,
    erased_at     timestamptz
);

-- One registered person per pseudonym at a time: the same person registering twice is one person.
create unique index person_pseudonym_live_idx on person (pseudonym) where erased_at is null;

-- The current consent per scope, kept in the command's own transaction so that the publisher's gate reads what
-- was decided. The history of consents lives in the person's events.
create table consent (
    person_id  varchar(36)  not null references person (person_id),
    scope      varchar(120) not null,
    pseudonym  varchar(64)  not null,
    given_at   timestamptz  not null,
    expires_at timestamptz,
    ended_at   timestamptz,
    constraint consent_pkey primary key (person_id, scope)
);

create index consent_pseudonym_scope_idx on consent (pseudonym, scope);
create index consent_open_expiry_idx on consent (expires_at) where ended_at is null and expires_at is not null;

-- Which person a journey is for.
create table journey_person (
    journey_id varchar(36) not null primary key,
    person_id  varchar(36) not null references person (person_id)
);

create index journey_person_person_idx on journey_person (person_id);
