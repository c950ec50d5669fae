-- Referrals are decided by the Referral and ReceivedReferral aggregates; these tables are their views, kept in the
-- command's transaction. A received referral's details enter the event store sealed under a key of its own, which
-- answering it destroys.
create table referral_key (
    referral_id varchar(64) primary key,
    key_bytes   bytea       not null
);

-- The received referral's aggregate, keyed by the referral id, now makes a redelivered record change nothing.
drop table referral_event_applied;
