-- The views over a date range read their rows through an index on (organisation, time) or (day, organisation), then
-- visited the table for the columns they count: for three months of one organisation's contacts that was some 3,000
-- table pages for 30,000 rows (each page holds every organisation's rows of its hour). The same indexes now carry
-- those columns, so the rows are read from the index alone (an index-only scan, once vacuum has marked the pages
-- all-visible), one index replacing the other so each insert still updates one index, not two.
-- Found by what they index, not by name: a rebuild gives the indexes of the tables it swaps in generated names.
do $$
declare
    index_name text;
begin
    for index_name in
        select index_class.relname from pg_index
        join pg_class index_class on index_class.oid = pg_index.indexrelid
        where (pg_index.indrelid = 'contact'::regclass
               and pg_get_indexdef(pg_index.indexrelid) like '%USING btree (organisation, contacted_at)')
           or (pg_index.indrelid = 'barrier_observation'::regclass
               and pg_get_indexdef(pg_index.indexrelid) like '%USING btree (observed_on, organisation)')
    loop
        execute format('drop index %I', index_name);
    end loop;
end $$;
create index contact_organisation_time on contact (organisation, contacted_at)
    include (journey_id, pseudonym, minutes, spend_pence);
create index barrier_observation_day on barrier_observation (observed_on, organisation)
    include (theme, system_actor, pseudonym);
