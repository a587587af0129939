-- A task of a unit's report (issue 22) is about no child's case: its escalations are recorded without one.
alter table task_escalation alter column case_id drop not null;
