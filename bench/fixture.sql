-- Rows the demo hospital does not hold yet, so the code-counters scenario reads a full page
-- (50 of 60 rows). The same statement runs on SQLite and PostgreSQL.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO "CodeCounters" ("Kind", "Year", "Last")
SELECT 'BENCH' || i, 2026, i * 37 FROM n;
