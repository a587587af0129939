-- Who decides instead of an agency's role when one of its members may not (issue 20, four eyes): the office
-- head prepared the referral himself and is the only member of the approvers' group. In the order the
-- organisation file lists them: a role of the same agency (a deputy), or another agency's role (the next tier).
create table agency_substitute (
  agency_id            varchar(64) not null references agency (id),
  role                 varchar(32) not null,
  preference           integer     not null,
  substitute_agency_id varchar(64) not null references agency (id),
  substitute_role      varchar(32) not null,
  constraint pk_agency_substitute primary key (agency_id, role, preference)
);
