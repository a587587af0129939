-- Issue 21: the enrolment a child's facts belong to, so that a report on a plan year counts the children of
-- that year's plan (listed late in the year before, or screened in the year after, they still count there);
-- and the money other sources paid for the surgery besides the bill the fund settled: health insurance and
-- charity, as the finance office records them at the settlement (each optional: none recorded before).
-- Nullable, so that rows written straight into the table (the report benchmark) need not name them.
alter table case_fact add column programme_code varchar(32);
alter table case_fact add column plan_year integer;
alter table case_fact add column health_insurance_paid bigint;
alter table case_fact add column charity_paid bigint;

-- the case files have carried both since V59; V62 filled the facts before these columns existed
update case_fact set
  programme_code = (select c.programme_code from case_file c where c.id = case_fact.case_id),
  plan_year = (select c.plan_year from case_file c where c.id = case_fact.case_id);

create index ix_case_fact_plan_year on case_fact (plan_year, commune_code);
