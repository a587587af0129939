-- Issue 19 at full size: the next batch of a reorganisation is read from this index in case order (the old one
-- found every case left and sorted them all, at each of a city's 550 batches).
create index ix_reorganisation_case_next on reorganisation_case (reorganisation_id, done, case_id);
drop index ix_reorganisation_case_todo;
-- What the upload's preview saw of the organisation (units, agencies, groups, members, the routing table): an
-- apply finding it unchanged does not run the preview a second time (ReorganisationRun).
alter table reorganisation add column organisation_fingerprint varchar(64);
