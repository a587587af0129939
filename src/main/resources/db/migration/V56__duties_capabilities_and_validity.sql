-- What an agency does is data (issue 19): the routing tables name duties, the organisation file says
-- which agency serves each duty (by its kind, or its own list) and what its staff may do in the product.
-- Units and agencies get the dates they exist between and their successors, for the 2025 reform and
-- every reorganisation after it.

create table agency_kind (
  code varchar(40)  primary key,
  name varchar(300) not null
);

create table duty (
  code varchar(40)  primary key,
  name varchar(300) not null
);

-- the duties an agency serves and the capabilities of its staff: its kind's, unless the file lists its own
create table agency_duty (
  agency_id varchar(64) not null references agency (id),
  duty      varchar(40) not null,
  constraint pk_agency_duty primary key (agency_id, duty)
);

create index ix_agency_duty_duty on agency_duty (duty);

create table agency_capability (
  agency_id  varchar(64) not null references agency (id),
  capability varchar(40) not null,
  constraint pk_agency_capability primary key (agency_id, capability)
);

-- Several agencies of one kind may serve one unit (each with its own duties); the importer refuses
-- two agencies that would serve the same duty in the same role for the same unit.
alter table agency drop constraint uq_agency_kind_unit;

alter table administrative_unit add column valid_from date;
alter table administrative_unit add column valid_to date;
alter table agency add column valid_from date;
alter table agency add column valid_to date;

create table unit_successor (
  unit_code      varchar(32) not null references administrative_unit (code),
  successor_code varchar(32) not null references administrative_unit (code),
  constraint pk_unit_successor primary key (unit_code, successor_code)
);

create table agency_successor (
  agency_id    varchar(64) not null references agency (id),
  successor_id varchar(64) not null references agency (id),
  constraint pk_agency_successor primary key (agency_id, successor_id)
);
