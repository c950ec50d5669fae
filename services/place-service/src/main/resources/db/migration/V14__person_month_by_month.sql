-- person_month is written once for nearly every event (a person's first sighting in a month at an organisation) and
-- read by month range and organisation (reach and the revolving door over dates). Keyed (organisation, pseudonym,
-- month) it needed a second index on (month, organisation) for those reads, and each insert landed at a random place
-- in both. Keyed (month, organisation, pseudonym), one index serves the reads, and a month's inserts stay together at
-- the end of it. An erasure finds a person's rows through the months its organisation has in reach_month.
-- Found by what they are, not by name: a rebuild gives the indexes of the tables it swaps in generated names.
do $$
declare
    constraint_name text;
    index_name text;
begin
    for constraint_name in
        select conname from pg_constraint where conrelid = 'person_month'::regclass and contype = 'p'
    loop
        execute format('alter table person_month drop constraint %I', constraint_name);
    end loop;
    for index_name in
        select index_class.relname from pg_index
        join pg_class index_class on index_class.oid = pg_index.indexrelid
        where pg_index.indrelid = 'person_month'::regclass
          and pg_get_indexdef(pg_index.indexrelid) like '%USING btree (month, organisation)'
    loop
        execute format('drop index %I', index_name);
    end loop;
end $$;
alter table person_month add primary key (month, organisation, pseudonym);
