-- A worker's caseload: the journeys they opened or recorded something on (see CaseloadProjection).
create table journey_caseload_journey (
    journey_id varchar(64) primary key,
    door       varchar(100),
    opened_at  timestamptz not null,
    closed_at  timestamptz
);

create table journey_caseload_worker (
    worker         varchar(255) not null,
    -- no foreign key: a journey opened before this table existed is simply not in anyone's caseload
    journey_id     varchar(64)  not null,
    opened         boolean      not null default false,
    last_worked_at timestamptz  not null,
    primary key (worker, journey_id)
);

create index journey_caseload_worker_recent on journey_caseload_worker (worker, last_worked_at desc);
