-- The cost of support is mostly asked for one organisation over a date range: read only those contacts. Entries
-- arrive in time order within each organisation, so the index grows at its ends rather than at random.
create index contact_organisation_time on contact (organisation, contacted_at);
