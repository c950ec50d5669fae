-- The latest IssueSignal per published issue (highest revision, then latest count): the issue-log entries that
-- candidates link to, and the source of issue candidates.
create table issue_signal (
    issue_key      text        primary key,
    event_id       text        not null,
    occurred_at    timestamptz not null,
    organisation   text        not null,
    issue_id       text        not null,
    revision       integer     not null,
    level          integer     not null,
    status         text        not null,
    owner          text        not null,
    themes         text[]      not null,
    system_actors  text[]      not null,
    people         integer     not null,
    people_shown   text        not null,
    organisations  integer     not null,
    windows        text        not null,
    first_seen     timestamptz,
    last_seen      timestamptz
);

-- Every signal's counts as it arrived, per pattern or issue key: the trend behind a candidate.
create table signal_trend (
    event_id      text        primary key,
    pattern_key   text        not null,
    occurred_at   timestamptz not null,
    people        integer     not null,
    organisations integer     not null
);

create index signal_trend_by_pattern on signal_trend (pattern_key, occurred_at);

-- A candidate comes from a pattern (theme:systemActor) or from a published issue (issue:<org>:<id>). An issue
-- names themes and actors as lists and may name no actor: then there is no body until the place lead picks one.
alter table candidate add column source text not null default 'PATTERN' check (source in ('PATTERN', 'ISSUE'));
alter table candidate alter column system_actor drop not null;
alter table candidate alter column body drop not null;
alter table candidate alter column theme drop not null;
