-- Pseudonyms (hex) and event ids (UUIDs) are only ever compared for equality and kept in b-trees, and no view orders
-- them for anyone to read. Under the database's linguistic collation every comparison goes through the C library's
-- strcoll, and PostgreSQL sorts such strings without abbreviated keys; compared byte by byte ("C") every index on them
-- is cheaper to keep (each event's claim, its row, its tallies) and to build (a rebuild sorts millions of them).
-- Equality is the same under both, so no row and no answer changes. Every such column of every table, found by name.
do $$
declare
    keyed record;
begin
    for keyed in
        select c.table_name, c.column_name, c.character_maximum_length
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.column_name in ('pseudonym', 'event_id') and c.data_type = 'character varying'
    loop
        execute format('alter table %I alter column %I type varchar(%s) collate "C"',
                       keyed.table_name, keyed.column_name, keyed.character_maximum_length);
    end loop;
end $$;
