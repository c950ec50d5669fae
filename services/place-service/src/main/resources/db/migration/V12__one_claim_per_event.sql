-- Each event is claimed once in applied_event, in the same transaction as its rows, so a second unique index on
-- event_id in every busy projection table only repeats that check at the cost of one more random b-tree insert per
-- event. The columns stay, to trace a row to its event.
alter table barrier_observation drop constraint barrier_observation_pkey;
alter table contact drop constraint contact_pkey;
alter table soft_measure drop constraint soft_measure_pkey;
alter table journey drop constraint journey_pkey;
-- No view reads journeys by pseudonym alone; an erasure uses journey_person (organisation, pseudonym).
drop index journey_pseudonym;
