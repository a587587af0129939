-- The groups routing chose for each task: the only candidate groups that give a task's work and its child's or
-- unit's data (security.RoutedGroups). A candidate link of the engine can be added by hand (engine REST API,
-- Tasklist, Cockpit) by whoever may update the task; a row here only routing writes, in its own transaction.
-- Rows stay when the task ends: who a finished task was for is asked afterwards too. No personal data.
create table task_routed_group (
  task_id              varchar(64) not null,
  group_id             varchar(64) not null,
  process_instance_id  varchar(64) not null,
  constraint pk_task_routed_group primary key (task_id, group_id)
);
create index ix_task_routed_group_instance on task_routed_group (process_instance_id);
