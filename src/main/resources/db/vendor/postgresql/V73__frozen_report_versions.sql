-- A sent report never changes (issue 22): the database itself refuses to change or delete a version's content or
-- figures and lets only the product's two decisions follow, each once, along the process's arrows: the head signs
-- or returns a prepared version, the receiving office accepts or returns a submitted one. H2 has the same rules
-- in a Java trigger (vn.nangbuoc.unitreport.FrozenVersionTrigger, db/vendor/h2/V73).
create function unit_report_version_frozen() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'A sent unit report never changes: report version % is never deleted.', old.id
      using errcode = '23514';
  end if;
  if (new.id, new.report_id, new.version, new.communication_sessions, new.trainings, new.staff_trained,
      new.caregivers_taking_part, new.children_taking_part, new.difficulties, new.correction_reason,
      new.figures_computed_at, new.prepared_by, new.prepared_at)
    is distinct from (old.id, old.report_id, old.version, old.communication_sessions, old.trainings,
      old.staff_trained, old.caregivers_taking_part, old.children_taking_part, old.difficulties,
      old.correction_reason, old.figures_computed_at, old.prepared_by, old.prepared_at) then
    raise exception 'A sent unit report never changes: the content of report version % never changes.', old.id
      using errcode = '23514';
  end if;
  if old.status = 'PREPARED' and new.status in ('SUBMITTED', 'RETURNED_AT_SIGN_OFF')
      and old.return_reason is null and old.signed_by is null and old.signed_at is null
      and new.signed_by is not null and new.signed_at is not null
      and new.reviewed_by is null and new.reviewed_at is null then
    return new;
  end if;
  if old.status = 'SUBMITTED' and new.status in ('ACCEPTED', 'RETURNED_BY_RECEIVER')
      and old.return_reason is null
      and new.signed_by is not distinct from old.signed_by and new.signed_at is not distinct from old.signed_at
      and old.reviewed_by is null and old.reviewed_at is null
      and new.reviewed_by is not null and new.reviewed_at is not null then
    return new;
  end if;
  raise exception 'A sent unit report never changes: report version % cannot go from % to % with these columns.',
    old.id, old.status, new.status using errcode = '23514';
end
$$;

create trigger tr_unit_report_version_frozen before update or delete on unit_report_version
  for each row execute function unit_report_version_frozen();

create function unit_report_figure_frozen() returns trigger language plpgsql as $$
declare
  version_status varchar(24);
begin
  if tg_op <> 'INSERT' then
    raise exception 'A sent unit report never changes: the figures of report version % never change.',
      old.version_id using errcode = '23514';
  end if;
  select status into version_status from unit_report_version where id = new.version_id;
  if version_status is distinct from 'PREPARED' then
    raise exception 'A sent unit report never changes: report version % (%) takes no more figures.',
      new.version_id, version_status using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger tr_unit_report_figure_frozen before insert or update or delete on unit_report_figure
  for each row execute function unit_report_figure_frozen();
