-- Erasing a person here drops the referrer's reason from the referrals received onto their journeys.
alter table referral_received alter column reason drop not null;
