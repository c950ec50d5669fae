-- Where intake has read bothy.place.evidence up to: written in the same transaction as the rows a
-- record produced, so a restart resumes exactly after the last record whose effects were stored.
create table evidence_offset (
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (topic, partition)
);

-- Every evidence signal's event id, once: a redelivered signal has no effect.
create table processed_signal (
    event_id     text        primary key,
    processed_at timestamptz not null
);

-- The latest signal per pattern (by the time the place observed it).
create table pattern_signal (
    pattern_key   text        primary key,
    event_id      text        not null,
    occurred_at   timestamptz not null,
    theme         text        not null,
    system_actor  text        not null,
    people        integer     not null,
    organisations integer     not null,
    windows       text        not null,
    first_seen    timestamptz,
    last_seen     timestamptz
);

create table candidate (
    candidate_id     uuid        primary key,
    pattern_key      text        not null,
    theme            text        not null,
    system_actor     text        not null,
    body             text        not null,
    people           integer     not null,
    organisations    integer     not null,
    status           text        not null check (status in ('OPEN', 'ACCEPTED', 'DISMISSED')),
    signal_event_id  text        not null,
    proposed_at      timestamptz not null,
    updated_at       timestamptz not null,
    decided_at       timestamptz,
    escalation_id    uuid,
    dismissal_reason text
);

-- One open candidate per pattern, and one accepted (escalated) one: later signals update it.
create unique index candidate_one_open_per_pattern on candidate (pattern_key) where status = 'OPEN';
create unique index candidate_one_escalated_per_pattern on candidate (pattern_key) where status = 'ACCEPTED';

-- What place leads read about escalations: projected from the Escalation aggregate's events.
create table escalation_view (
    escalation_id uuid        primary key,
    candidate_id  text,
    pattern_key   text        not null,
    body          text        not null,
    theme         text        not null,
    system_actor  text        not null,
    people        integer     not null,
    organisations integer     not null,
    question      text        not null,
    due_by        date        not null,
    status        text        not null check (status in ('RAISED', 'DELIVERED')),
    raised_at     timestamptz not null,
    delivered_at  timestamptz
);

create table delivery_attempt (
    escalation_id uuid        not null references escalation_view (escalation_id),
    attempt       integer     not null,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         text,
    duration_ms   bigint      not null,
    outcome       text        not null check (outcome in ('DELIVERED', 'FAILED')),
    primary key (escalation_id, attempt)
);

-- The webhook outbox: one row per escalation, written in the transaction that raised it, sent by the
-- delivery poller. webhook_id is the contract event id, the same on every retry.
create table webhook_delivery (
    escalation_id   uuid        primary key,
    body            text        not null,
    webhook_id      text        not null unique,
    payload         bytea       not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    raised_at       timestamptz not null,
    delivered_at    timestamptz
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
