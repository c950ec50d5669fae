-- Webhook deliveries give up after a window (72 hours by default) and can be sent again on request, with the
-- same webhook-id. Every attempt, first delivery or redelivery, is in the delivery log.
alter table webhook_delivery drop constraint webhook_delivery_status_check;
alter table webhook_delivery add constraint webhook_delivery_status_check
    check (status in ('PENDING', 'DELIVERED', 'GAVE_UP'));
alter table webhook_delivery
    add column redelivery        boolean     not null default false,
    add column window_started_at timestamptz,
    add column gave_up_at        timestamptz;
update webhook_delivery set window_started_at = raised_at;
alter table webhook_delivery alter column window_started_at set not null;

create table webhook_attempt (
    webhook_id   text        not null,
    attempt      integer     not null,
    attempted_at timestamptz not null,
    status_code  integer,
    error        text,
    duration_ms  bigint      not null,
    outcome      text        not null check (outcome in ('DELIVERED', 'FAILED')),
    redelivery   boolean     not null,
    primary key (webhook_id, attempt)
);
