-- Plan years (issue 19): a case file is one enrolment of a child in one programme's plan of one year. A
-- child whose case closed may be enrolled again in a later year's plan, so the personal ID is no longer
-- unique; what stays unique is the OPEN case: at most one per personal ID and programme.
create table programme (
  code varchar(32)  primary key,
  name varchar(300) not null
);

-- The scheme of the seed plans (2018–2025, carried on by each year's plan).
insert into programme (code, name) values ('TEKT-CONGDONG',
  'Đề án hỗ trợ trẻ em khuyết tật tiếp cận các dịch vụ bảo vệ, chăm sóc, giáo dục tại cộng đồng');

-- Existing cases belong to that programme and to the plan of the year they were listed in.
alter table case_file add column programme_code varchar(32);
alter table case_file add column plan_year integer;
update case_file set programme_code = 'TEKT-CONGDONG', plan_year = extract(year from listed_at);
alter table case_file alter column programme_code set not null;
alter table case_file alter column plan_year set not null;
alter table case_file add constraint fk_case_file_programme foreign key (programme_code) references programme (code);

-- At most one open case per personal ID and programme. PostgreSQL would take a partial unique index
-- (where status = 'ACTIVE'), H2 has none; a generated column would do on both, but PostgreSQL wants
-- "generated always as (...) stored" and H2 refuses "stored". So open_personal_id is an ordinary
-- column the application writes (CaseFileRepository): the personal ID while the case is open, NULL once
-- it is closed or merged. The check below makes the database refuse any row where it disagrees with
-- status and personal_id, so a forgotten write fails loudly instead of leaving the index wrong; the
-- unique index then holds on both databases (NULLs never collide).
alter table case_file add column open_personal_id varchar(12);
update case_file set open_personal_id = personal_id where status = 'ACTIVE';
alter table case_file drop constraint uq_case_file_personal_id;
alter table case_file add constraint ck_case_file_open_personal_id check (
  (status = 'ACTIVE' and (open_personal_id = personal_id or (open_personal_id is null and personal_id is null)))
  or (status <> 'ACTIVE' and open_personal_id is null));
create unique index uq_case_file_open_personal_id on case_file (programme_code, open_personal_id);
-- every enrolment of a child, for the listing's checks and the case page
create index ix_case_file_personal_id on case_file (personal_id);
