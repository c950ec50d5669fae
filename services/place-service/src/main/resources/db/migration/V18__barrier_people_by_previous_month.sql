-- Barriers over several whole months were counted from every observation in them (count(distinct pseudonym) over
-- some 200,000 rows for three months at a million events: p99 626-870 ms), because a person met in two months is one
-- person over both and the month tallies (V15) do not add up. Counting each (person, pattern, month) by the previous
-- month the person met that pattern makes them add up: the people of months a..b are the sum, over the months m in
-- a..b, of those whose previous month is before a (each person is counted once, at their first month in the range).
-- A few rows per pattern and month, kept in the intake's transaction like the month tallies, and made again by a
-- rebuild from barrier_person_month. Ranges that begin or end within a month are counted the same way by day (below):
-- days within a month were counted from the observations too (p99 68-119 ms for eleven days).

-- Which months a person met a pattern in is read per person: barrier_person_month keyed by person and pattern first
-- (it was keyed by month first), which also serves the look-ups the month tallies make, so it keeps one index.
do $$
declare
    key_name text;
begin
    select conname into key_name from pg_constraint
    where conrelid = 'barrier_person_month'::regclass and contype = 'p';
    execute format('alter table barrier_person_month drop constraint %I', key_name);
end $$;
alter table barrier_person_month add primary key (pseudonym, theme, system_actor, organisation, month);

-- People per month, pattern and organisation, by the month before it in which that organisation saw the person meet
-- the pattern ('-infinity' when none).
create table barrier_month_since_at (
    theme          varchar(64) not null,
    system_actor   varchar(64) not null,
    organisation   varchar(64) not null,
    month          date        not null,
    previous_month date        not null,
    people         bigint      not null,
    primary key (theme, system_actor, organisation, month, previous_month)
);

-- The same across organisations: by the month before it in which any organisation saw the person meet the pattern.
create table barrier_month_since (
    theme          varchar(64) not null,
    system_actor   varchar(64) not null,
    month          date        not null,
    previous_month date        not null,
    people         bigint      not null,
    primary key (theme, system_actor, month, previous_month)
);

-- What is already projected, counted once.
insert into barrier_month_since_at (theme, system_actor, organisation, month, previous_month, people)
select theme, system_actor, organisation, month, previous_month, count(*)
from (select theme, system_actor, organisation, month,
             coalesce(lag(month) over (partition by pseudonym, theme, system_actor, organisation order by month),
                      '-infinity') as previous_month
      from barrier_person_month) counted
group by theme, system_actor, organisation, month, previous_month;
insert into barrier_month_since (theme, system_actor, month, previous_month, people)
select theme, system_actor, month, previous_month, count(*)
from (select theme, system_actor, month,
             coalesce(lag(month) over (partition by pseudonym, theme, system_actor order by month),
                      '-infinity') as previous_month
      from (select distinct pseudonym, theme, system_actor, month from barrier_person_month) months) counted
group by theme, system_actor, month, previous_month;

-- The same by day, for ranges that begin or end within a month: which days of its month each organisation saw the
-- person meet the pattern (bit d-1 for day d)...
alter table barrier_person_month add column days integer not null default 0;
update barrier_person_month b set days = met.days
from (select date_trunc('month', observed_on)::date as month, theme, system_actor, pseudonym, organisation,
             bit_or(1 << (extract(day from observed_on)::int - 1)) as days
      from barrier_observation
      group by 1, 2, 3, 4, 5) met
where b.month = met.month and b.theme = met.theme and b.system_actor = met.system_actor
  and b.pseudonym = met.pseudonym and b.organisation = met.organisation;
alter table barrier_person_month alter column days drop default;

-- ... and people per day, pattern and organisation by the day before it on which that organisation saw the person
-- meet the pattern ('-infinity' when none): the people of days d1..d2 are the sum, over the days in d1..d2, of those
-- whose previous day is before d1. A row per day and previous day met: at most one per person and day, and far fewer
-- where people come back.
create table barrier_day_since_at (
    theme          varchar(64) not null,
    system_actor   varchar(64) not null,
    organisation   varchar(64) not null,
    day            date        not null,
    previous_day   date        not null,
    people         bigint      not null,
    -- By day first: a range of days is one stretch of the key.
    primary key (day, previous_day, theme, system_actor, organisation)
);

-- The same across organisations.
create table barrier_day_since (
    theme          varchar(64) not null,
    system_actor   varchar(64) not null,
    day            date        not null,
    previous_day   date        not null,
    people         bigint      not null,
    primary key (day, previous_day, theme, system_actor)
);

-- By previous day too: a range that begins mid-month counts people met on its first days and again in a whole month
-- once, taking off the few rows whose previous day lies on those first days.
create index barrier_day_since_at_back on barrier_day_since_at (previous_day, day);
create index barrier_day_since_back on barrier_day_since (previous_day, day);

insert into barrier_day_since_at (theme, system_actor, organisation, day, previous_day, people)
select theme, system_actor, organisation, day, coalesce(previous_day, '-infinity'), count(*)
from (select theme, system_actor, organisation, observed_on as day,
             lag(observed_on) over (partition by pseudonym, theme, system_actor, organisation order by observed_on)
                 as previous_day
      from barrier_observation) met
where previous_day is distinct from day
group by 1, 2, 3, 4, 5;
insert into barrier_day_since (theme, system_actor, day, previous_day, people)
select theme, system_actor, day, coalesce(previous_day, '-infinity'), count(*)
from (select theme, system_actor, observed_on as day,
             lag(observed_on) over (partition by pseudonym, theme, system_actor order by observed_on) as previous_day
      from barrier_observation) met
where previous_day is distinct from day
group by 1, 2, 3, 4;
