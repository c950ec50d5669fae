-- Every read or change of a person's record: who (token subject and role), what, whose record, when.
-- Never personal data: ids, roles and the action's name only.
create table audit_entry (
    entry_id   bigserial    not null primary key,
    at         timestamptz  not null,
    subject    varchar(255) not null,
    role       varchar(100) not null,
    action     varchar(200) not null,
    person_id  varchar(36)  not null,
    journey_id varchar(36)
);

create index audit_entry_person_at_idx on audit_entry (person_id, at);
create index audit_entry_at_idx on audit_entry (at);
