-- Step records hold free text of several fields (findings, visit notes) plus JSON escaping: no
-- fixed limit fits. TEXT is a character large object in H2 and unbounded text in PostgreSQL.
alter table case_step_record alter column data set data type text;
