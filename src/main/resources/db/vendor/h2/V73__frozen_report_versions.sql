-- A sent report never changes (issue 22): the database itself refuses to change or delete a version's content or
-- figures and lets only the product's two decisions follow, each once (FrozenVersionTrigger; PostgreSQL has the
-- same rules in db/vendor/postgresql/V73).
create trigger tr_unit_report_version_frozen before update, delete on unit_report_version for each row
  call 'vn.nangbuoc.unitreport.FrozenVersionTrigger';
create trigger tr_unit_report_figure_frozen before insert, update, delete on unit_report_figure for each row
  call 'vn.nangbuoc.unitreport.FrozenVersionTrigger';
