-- The webhook carries every event of a body's feed, not only the raising of an escalation: one delivery per
-- statutory_feed row (webhook_id = the contract's event id), delivered in feed order per escalation.
alter table webhook_delivery drop constraint webhook_delivery_pkey;
alter table webhook_delivery add primary key (webhook_id);
alter table webhook_delivery rename column raised_at to occurred_at;
alter table webhook_delivery
    add column ce_type       text,
    add column feed_position bigint;
update webhook_delivery d set ce_type = f.ce_type, feed_position = f.position
    from statutory_feed f where f.event_id = d.webhook_id;
update webhook_delivery set ce_type = 'org.bothy.escalation.EscalationRaised.v1' where ce_type is null;
update webhook_delivery set feed_position = 0 where feed_position is null;
alter table webhook_delivery alter column ce_type set not null;
alter table webhook_delivery alter column feed_position set not null;

-- what the claim asks for each due row: is an earlier event of the same escalation still waiting?
create index webhook_delivery_pending_by_escalation on webhook_delivery (escalation_id, feed_position)
    where status = 'PENDING';
create index webhook_delivery_by_body on webhook_delivery (body, occurred_at);
