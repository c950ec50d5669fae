-- Barriers over a date range were counted from every observation in it (count(distinct pseudonym) sorts them all):
-- p99 about 270 ms for one month at a million events. Kept in the intake's transaction like the other tallies
-- (V11), by the month of the day a barrier was met, these let a range of whole months read a few rows; the days of a
-- partial month at either edge are still counted from the observations. Every row here follows from
-- barrier_observation, so a rebuild makes them again as it replays.

-- Which patterns each organisation saw each person meet in each month, however many times. Keyed by month first, so
-- that a month's inserts stay together and a range of months is one stretch of the key.
create table barrier_person_month (
    month        date         not null,
    theme        varchar(64)  not null,
    system_actor varchar(64)  not null,
    pseudonym    varchar(128) not null,
    organisation varchar(64)  not null,
    primary key (month, theme, system_actor, pseudonym, organisation)
);

-- Distinct people per month, pattern and organisation.
create table barrier_month_people_at (
    month        date        not null,
    organisation varchar(64) not null,
    theme        varchar(64) not null,
    system_actor varchar(64) not null,
    people       bigint      not null,
    primary key (month, organisation, theme, system_actor)
);

-- Distinct people per month and pattern, across organisations (one person met at two partners is one person).
create table barrier_month_people (
    month        date        not null,
    theme        varchar(64) not null,
    system_actor varchar(64) not null,
    people       bigint      not null,
    primary key (month, theme, system_actor)
);

-- What is already projected, counted once.
insert into barrier_person_month (month, theme, system_actor, pseudonym, organisation)
select distinct date_trunc('month', observed_on)::date, theme, system_actor, pseudonym, organisation
from barrier_observation;
insert into barrier_month_people_at (month, organisation, theme, system_actor, people)
select month, organisation, theme, system_actor, count(*) from barrier_person_month
group by month, organisation, theme, system_actor;
insert into barrier_month_people (month, theme, system_actor, people)
select month, theme, system_actor, count(distinct pseudonym) from barrier_person_month
group by month, theme, system_actor;
