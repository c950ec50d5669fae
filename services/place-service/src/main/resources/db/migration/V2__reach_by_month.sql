-- Reach: which people each organisation saw in which month (one row however many events), for distinct counts per
-- organisation and month and for the revolving door (people seen at two or more organisations).
create table person_month (
    organisation varchar(64)  not null,
    pseudonym    varchar(128) not null,
    month        date         not null,
    primary key (organisation, pseudonym, month)
);
create index person_month_pseudonym on person_month (pseudonym);
create index person_month_month on person_month (month, organisation);
create index barrier_observation_person on barrier_observation (pseudonym, organisation);
create index journey_person on journey (organisation, pseudonym);
