-- Each event is claimed once in applied_event, in the same transaction as its rows, so a second unique index on
-- event_id in every busy projection table only repeats that check at the cost of one more random b-tree insert per
-- event. The columns stay, to trace a row to its event. Constraints and indexes are found by what they are, not by
-- name: a rebuild gives the indexes of the tables it swaps in generated names.
do $$
declare
    busy text;
    constraint_name text;
    index_name text;
begin
    foreach busy in array array['barrier_observation', 'contact', 'soft_measure', 'journey'] loop
        for constraint_name in
            select conname from pg_constraint where conrelid = busy::regclass and contype = 'p'
        loop
            execute format('alter table %I drop constraint %I', busy, constraint_name);
        end loop;
    end loop;
    -- No view reads journeys by pseudonym alone; an erasure uses the index on (organisation, pseudonym).
    for index_name in
        select index_class.relname from pg_index
        join pg_class index_class on index_class.oid = pg_index.indexrelid
        where pg_index.indrelid = 'journey'::regclass
          and pg_get_indexdef(pg_index.indexrelid) like '%USING btree (pseudonym)'
    loop
        execute format('drop index %I', index_name);
    end loop;
end $$;
