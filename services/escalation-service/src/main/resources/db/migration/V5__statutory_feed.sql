-- Everything each statutory body is sent, in order: the statutory contracts as structured CloudEvents, written
-- in the transaction of the event they translate. position is the pull feed's cursor and the Kafka feed's
-- progress marker; event_id is the contract's (and CloudEvent's) id.
create table statutory_feed (
    position      bigserial   primary key,
    body          text        not null,
    escalation_id uuid        not null,
    event_id      text        not null unique,
    ce_type       text        not null,
    payload       bytea       not null,
    occurred_at   timestamptz not null
);

create index statutory_feed_by_body on statutory_feed (body, position);

-- How far the Kafka feed has published statutory_feed (one row): advanced only after the broker acknowledged.
create table feed_publication (
    feed          text   primary key,
    last_position bigint not null
);
