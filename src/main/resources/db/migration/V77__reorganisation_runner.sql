-- Who is applying a reorganisation now (issue 19): one run at a time, whichever node or request started it. A run
-- claims the row, says it is alive at every batch, and lets go at its end; a run whose node died is taken over
-- once it has been silent for the lease (ReorganisationRun).
alter table reorganisation add column runner varchar(200);
alter table reorganisation add column runner_seen_at timestamp;
