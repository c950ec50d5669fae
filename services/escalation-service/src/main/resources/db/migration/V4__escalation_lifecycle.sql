-- The whole lifecycle on the place leads' view: the body's acknowledgement and answer, overdue and reminders,
-- changes reported, the place's verdict, and a move to another body.
alter table escalation_view drop constraint escalation_view_status_check;
alter table escalation_view add constraint escalation_view_status_check check (status in (
    'RAISED', 'DELIVERED', 'ACKNOWLEDGED', 'OVERDUE', 'COMMITTED', 'DECLINED', 'MORE_INFORMATION_REQUESTED',
    'CHANGE_REPORTED', 'CLOSED', 'RE_ESCALATED'));

alter table escalation_view
    add column acknowledged_at     timestamptz,
    add column responded_at        timestamptz,
    add column response_kind       text,
    add column commitment          text,
    add column commit_by           date,
    add column decline_reasons     text,
    add column information_request text,
    add column responded_late      boolean,
    add column overdue_at          timestamptz,
    add column reminders           integer not null default 0,
    add column last_reminded_at    timestamptz,
    add column change_reported_at  timestamptz,
    add column commitment_kept     boolean,
    add column closed_at           timestamptz,
    add column verdict             text,
    add column verdict_note        text,
    add column re_escalated_to     uuid,
    add column re_escalated_from   uuid;

-- The record of what was asked, answered and done, one row per lifecycle event, in order: what the place
-- leads, the evidence pack and the accountability views read. detail is the private event as JSON.
create table escalation_history (
    event_id      text        primary key,
    escalation_id uuid        not null references escalation_view (escalation_id),
    position      bigserial   not null,
    occurred_at   timestamptz not null,
    kind          text        not null,
    detail        text        not null
);

create index escalation_history_by_escalation on escalation_history (escalation_id, position);
