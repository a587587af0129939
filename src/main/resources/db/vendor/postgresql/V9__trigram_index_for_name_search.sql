-- Name search looks for any part of the folded name ("%van hung%"), which a b-tree cannot serve:
-- without this index every search read the whole case_file table (EXPLAIN: Seq Scan / Bitmap Heap
-- Scan with "Rows Removed by Filter" in the tens of thousands at 100,000 case files).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it; an
-- administrator can also create it beforehand, then this does nothing.
create extension if not exists pg_trgm;

-- On an expression, not the column: a trigram index on name_folded itself also answers equality,
-- and the planner then took it for the exact-name look-ups of an import's duplicate check
-- (IN lists of 500 names), which became seconds slower. CaseSearch queries this same expression.
create index ix_case_file_name_trigram on case_file using gin ((' ' || name_folded || ' ') gin_trgm_ops);
