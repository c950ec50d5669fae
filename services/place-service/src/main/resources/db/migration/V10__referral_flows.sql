-- Referral flows between partners. A ReferralMade carries details sealed for the receiving partner: they are never
-- stored here, nor its reason; only ids, organisations, the pseudonym (so that an erasure can find the row), themes,
-- times and the answer.
create table referral_made (
    event_id          varchar(64)  primary key,
    referral_id       varchar(64)  not null,
    from_organisation varchar(64)  not null,
    to_organisation   varchar(64)  not null,
    pseudonym         varchar(128) not null,
    themes            text[]       not null,
    made_at           timestamptz  not null
);
create index referral_made_person on referral_made (from_organisation, pseudonym);
create index referral_made_referral on referral_made (referral_id);
create index referral_made_time on referral_made (made_at);

-- The receiving partner's answer; a decline's reason is not kept.
create table referral_answer (
    event_id          varchar(64) primary key,
    referral_id       varchar(64) not null,
    from_organisation varchar(64) not null,
    to_organisation   varchar(64) not null,
    answer            varchar(16) not null check (answer in ('accepted', 'declined')),
    answered_at       timestamptz not null
);
create index referral_answer_referral on referral_answer (referral_id);
