-- Issue 21: a report over days that are not whole calendar years reads the facts; its statement over the tasks
-- names the days of completion once (FactCounts.shared), and the tasks are written as they complete, so the rows
-- of a quarter lie together.
create index ix_case_task_fact_completed on case_task_fact (completed_on);
