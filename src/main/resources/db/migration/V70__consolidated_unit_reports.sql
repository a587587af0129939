-- Consolidated reports (issue 22): a unit that receives reports (the province after the 2025 reform, the city
-- before it) has a report of its own in the period, which sums the accepted reports of the units below with its
-- own figures. At the top of the period's tree that report goes to nobody.
alter table unit_report alter column receiving_unit_code drop not null;

-- What a consolidated version summed, frozen with it: each unit below with the version of its report that was
-- accepted then (REPORT), the unit's own communes that no unit below reports for (OWN), and the units whose report
-- was not accepted then, with the state it was in (MISSING). Each unit once per version.
create table unit_report_part (
  version_id         bigint       not null references unit_report_version (id),
  position           integer      not null,
  unit_code          varchar(32)  not null references administrative_unit (code),
  kind               varchar(16)  not null,
  source_version_id  bigint       references unit_report_version (id),
  source_state       varchar(24),
  primary key (version_id, unit_code),
  constraint ck_unit_report_part_kind check (kind in ('REPORT', 'OWN', 'MISSING')),
  constraint ck_unit_report_part_source check ((kind = 'REPORT') = (source_version_id is not null))
);

-- The figures of the unit's own communes in a consolidated version (the reports' figures are their versions').
create table unit_report_own_figure (
  version_id    bigint       not null references unit_report_version (id),
  position      integer      not null,
  indicator_id  varchar(64)  not null,
  numerator     bigint,
  denominator   bigint,
  figure_value  numeric(20, 2),
  primary key (version_id, indicator_id)
);
