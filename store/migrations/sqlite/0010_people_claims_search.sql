-- 0010: stored, indexed text vectors for people and claims on PostgreSQL
-- (../postgres/0010_people_claims_search.sql), which built them at query
-- time until now. SQLite has kept them indexed since 0005 (people_fts and
-- claims_fts, rebuilt by triggers), so nothing changes here; the number
-- exists so that both dialects stay at the same version.

SELECT 1;
