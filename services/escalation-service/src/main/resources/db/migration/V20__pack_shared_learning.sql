-- What partners wrote for sharing that an evidence pack quotes: their issue-log entries (the latest revision of each)
-- and the learning summaries of concluded experiments. Read from bothy.learning.<org>; nothing else of those topics
-- is kept here.
create table pack_issue (
    organisation    text        not null,
    issue_id        text        not null,
    revision        integer     not null,
    description     text        not null,
    level           integer     not null,
    status          text        not null,
    owner           text        not null,
    countermeasure  text,
    system_change   text,
    themes          text[]      not null,
    system_actors   text[]      not null,
    published_at    timestamptz not null,
    primary key (organisation, issue_id)
);

-- One row per concluded experiment with a theme; the pseudonym is kept only so that a withdrawal of consent or an
-- erasure can remove what that person's experiment taught, and is never shown.
create table pack_learning (
    event_id        text        primary key,
    organisation    text        not null,
    pseudonym       text        not null,
    theme           text        not null,
    summary         text        not null,
    concluded_at    timestamptz not null
);

create index pack_learning_by_theme on pack_learning (theme, concluded_at);
create index pack_learning_by_person on pack_learning (organisation, pseudonym);
