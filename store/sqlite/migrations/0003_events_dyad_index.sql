-- The dyad and actor indexes carry date_last too, so that a --since filter
-- and the count of a busy dyad read the index alone, not every event row.
DROP INDEX events_src;
DROP INDEX events_tgt;
DROP INDEX events_src_entity;
DROP INDEX events_tgt_entity;
CREATE INDEX events_src ON events(src_country, tgt_country, sort_date, date_last);
CREATE INDEX events_tgt ON events(tgt_country, src_country, sort_date, date_last);
CREATE INDEX events_src_entity ON events(src_entity, tgt_entity, sort_date, date_last);
CREATE INDEX events_tgt_entity ON events(tgt_entity, src_entity, sort_date, date_last);
