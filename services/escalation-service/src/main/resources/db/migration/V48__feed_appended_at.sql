-- When each row was appended (the database's clock at insert): a gap in positions below a committed row is a
-- transaction still in flight, or one rolled back; readers wait for it, but not for ever (see FeedHighWater).
alter table statutory_feed add column appended_at timestamptz not null default clock_timestamp();
