-- Exact counts of distinct people kept up to date in the intake's transaction, so that the place's busiest views read
-- a few rows instead of counting distinct pseudonyms over every observation. Each tally rests on a table of distinct
-- (person, organisation, ...) rows: an erasure or withdrawal deletes that organisation's rows for the person and
-- takes their contribution off the tallies in the same transaction.

-- Which patterns (theme and system actor) each organisation saw each person meet, however many times.
create table barrier_person (
    pseudonym    varchar(128) not null,
    theme        varchar(64)  not null,
    system_actor varchar(64)  not null,
    organisation varchar(64)  not null,
    primary key (pseudonym, theme, system_actor, organisation)
);

-- Distinct people per pattern and organisation.
create table barrier_people_at (
    theme        varchar(64) not null,
    system_actor varchar(64) not null,
    organisation varchar(64) not null,
    people       bigint      not null,
    primary key (theme, system_actor, organisation)
);

-- Distinct people per pattern, across organisations (one person met at two partners is one person).
create table barrier_people (
    theme        varchar(64) not null,
    system_actor varchar(64) not null,
    people       bigint      not null,
    primary key (theme, system_actor)
);

-- The doors (organisations) at which each person was seen, at any time.
create table person_door (
    pseudonym    varchar(128) not null,
    organisation varchar(64)  not null,
    primary key (pseudonym, organisation)
);

-- The revolving door per organisation: its people, and how many of them were seen at another organisation too.
create table door_people (
    organisation       varchar(64) primary key,
    people             bigint      not null,
    seen_elsewhere_too bigint      not null
);

-- Reach: distinct people per month and organisation (the count of person_month rows).
create table reach_month (
    month        date        not null,
    organisation varchar(64) not null,
    people       bigint      not null,
    primary key (month, organisation)
);

-- What is already projected, counted once.
insert into barrier_person (pseudonym, theme, system_actor, organisation)
select distinct pseudonym, theme, system_actor, organisation from barrier_observation;
insert into barrier_people_at (theme, system_actor, organisation, people)
select theme, system_actor, organisation, count(*) from barrier_person group by theme, system_actor, organisation;
insert into barrier_people (theme, system_actor, people)
select theme, system_actor, count(distinct pseudonym) from barrier_person group by theme, system_actor;
insert into person_door (pseudonym, organisation)
select distinct pseudonym, organisation from person_month;
insert into door_people (organisation, people, seen_elsewhere_too)
select door.organisation, count(*), count(*) filter (where doors.organisations >= 2)
from person_door door
join (select pseudonym, count(*) as organisations from person_door group by pseudonym) doors using (pseudonym)
group by door.organisation;
insert into reach_month (month, organisation, people)
select month, organisation, count(*) from person_month group by month, organisation;

-- Nothing reads person_month by pseudonym alone any more (the revolving door is tallied above; an erasure finds a
-- person's rows by organisation and pseudonym, the primary key): one index less to keep on every event's intake.
-- Found by what it indexes, not by name: a rebuild gives the indexes of the tables it swaps in generated names.
do $$
declare
    index_name text;
begin
    for index_name in
        select index_class.relname from pg_index
        join pg_class index_class on index_class.oid = pg_index.indexrelid
        where pg_index.indrelid = 'person_month'::regclass
          and pg_get_indexdef(pg_index.indexrelid) like '%USING btree (pseudonym)'
    loop
        execute format('drop index %I', index_name);
    end loop;
end $$;
