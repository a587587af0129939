-- Issue 21: the indicators' counts kept as the facts are written (vn.nangbuoc.indicators.FactSummary), so that the
-- province's report over a plan year or whole calendar years adds up a few thousand cells instead of reading every
-- child's facts and tasks. One row per fact query of the catalogue, breakdown, period and key: what the children (or
-- tasks) in it add up to (amount: the count, or the sum of the money) and how many of them there are (found).
-- The catalogue is the administrator's file, so the application fills the rows at its start when the catalogue's
-- queries differ from those the rows were made for (report_fact_summary), and from then on in the transaction of
-- each fact that changes.
create table report_fact_cell (
  -- the query's place in the catalogue's list of summarised queries (report_fact_summary.fingerprint)
  query_id            integer      not null,
  breakdown           varchar(24)  not null,
  -- P: counted in plan year period_year (the child's enrolment); Y: what happened in calendar year period_year
  period_kind         char(1)      not null,
  period_year         integer      not null,
  commune_code        varchar(32)  not null,
  -- '' when the case was not carried on by a reorganisation
  reform_commune_code varchar(32)  not null,
  -- the year of birth where the age on the period's last day matters (the age band, an age condition); else 0
  birth_year          integer      not null,
  -- the key in the breakdown ('' for the commune, taken from the two communes above, and for the age band)
  cell_key            varchar(64)  not null,
  -- false: the key was not recorded (null in the facts)
  recorded            boolean      not null,
  amount              bigint       not null,
  found               bigint       not null,
  constraint pk_report_fact_cell primary key (period_kind, period_year, query_id, breakdown, commune_code,
    reform_commune_code, birth_year, cell_key, recorded)
);

create table report_fact_summary (
  id          integer      primary key,
  fingerprint varchar(64)  not null,
  rebuilt_at  timestamp    not null
);
