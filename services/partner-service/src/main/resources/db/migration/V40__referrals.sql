-- Referrals this organisation made, as the referrer sees them. No identifying details: those travel sealed for the
-- receiver and are kept only in referral_outbox until the broker has them.
create table referral_sent (
    referral_id     varchar(64) primary key,
    journey_id      varchar(64) not null,
    person_id       varchar(64) not null,
    to_organisation varchar(64) not null,
    pseudonym       varchar(64) not null,
    reason          text,
    themes          text        not null,
    status          varchar(16) not null,
    answer_reason   text,
    made_at         timestamptz not null,
    answered_at     timestamptz,
    erased          boolean     not null default false
);
create index referral_sent_by_person on referral_sent (person_id);
create index referral_sent_made_at on referral_sent (made_at desc);

-- Referrals addressed to this organisation. The details stay sealed under this organisation's referral key until a
-- worker accepts; a decline drops them.
create table referral_received (
    referral_id       varchar(64) primary key,
    from_organisation varchar(64) not null,
    pseudonym         varchar(64) not null,
    reason            text        not null,
    themes            text        not null,
    sealed_details    text,
    status            varchar(16) not null,
    answer_reason     text,
    journey_id        varchar(64),
    received_at       timestamptz not null,
    answered_at       timestamptz
);
create index referral_received_at on referral_received (received_at desc);

-- Contract events waiting for the broker's acknowledgement, written in the same transaction as the change they tell.
create table referral_outbox (
    event_id    varchar(64) primary key,
    referral_id varchar(64) not null,
    ce_type     varchar(200) not null,
    payload     text        not null,
    created_at  timestamptz not null
);
create index referral_outbox_created on referral_outbox (created_at);

-- Idempotence and position of the referral consumer: each applied event id, and where each partition resumes,
-- written with the rows the events changed.
create table referral_event_applied (
    event_id   varchar(64) primary key,
    applied_at timestamptz not null
);
create table referral_offset (
    topic       varchar(200) not null,
    partition   integer      not null,
    next_offset bigint       not null,
    primary key (topic, partition)
);
