package vn.nangbuoc.benchmark;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case files and their report facts by the hundred thousand, made in the tables with set-based SQL (a case file
 * row, its {@code case_fact} row and a {@code case_task_fact} row per completed task), since a million children
 * through the engine would take days. Child n is the same on every run: each of its draws is a hash of n, not a
 * random number. The spread is that of a province's programme over the years from {@link #FIRST_LISTING} to
 * today: every commune (some more than others), both sexes, ages 0–17 at listing, the province's ethnicities,
 * every condition group and disability level, and the pathway's funnel (not eligible, absent, screened with each
 * indication, no consent, no funding, operated on, postponed, waiting, served, followed up, closed with each
 * outcome, withdrawn, merged); a date after today has not happened yet, so neither has what follows it.
 *
 * <p>Columns are always named: other migrations add nullable columns to these tables.
 */
final class ReportFacts {

  static final LocalDate FIRST_LISTING = LocalDate.of(2021, 1, 1);
  static final String LISTED_BY = "benchmark";
  /** Rows made per statement: progress is printed between them. */
  static final int CHUNK = 250_000;

  private final JdbcClient jdbc;

  ReportFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many case files an earlier run made (a kept database, {@code -Dreuse-database}). */
  long made() {
    return jdbc.sql("select count(*) from case_file where listed_by = ?").param(LISTED_BY).query(Long.class)
        .single();
  }

  /** Makes children {@code first..last} (1-based) in {@code communes}, the first ones more populous. */
  void make(List<String> communes, long first, long last) {
    long idBase = jdbc.sql("select coalesce(max(id), 0) from case_file").query(Long.class).single() - first + 1;
    jdbc.sql("drop table if exists benchmark_plan").update();
    jdbc.sql("create unlogged table benchmark_plan as " + PLAN).param("first", first).param("last", last)
        .param("base", idBase).param("communes", communes.toArray(String[]::new))
        .param("start", FIRST_LISTING).update();
    jdbc.sql("insert into case_file (id, case_number, full_name, name_folded, date_of_birth, sex, ethnicity,"
        + " commune_code, condition_group, status, closure_outcome, listed_by, listed_at, closed_at,"
        + " programme_code, plan_year, household_status, disability_type, disability_level)"
        + " select id, 'BM-' || n, 'Trẻ em ' || n, 'tre em ' || n, date_of_birth, sex, ethnicity, commune_code,"
        + " condition_group, " + STATUS + ", case when " + CLOSED + " then closure_outcome end, '" + LISTED_BY
        + "', listed_on + time '08:30', case when " + CLOSED + " then closed_on + time '16:00' end,"
        + " 'TEKT-CONGDONG', extract(year from listed_on), household_status, disability_type, disability_level"
        + " from benchmark_plan").update();
    jdbc.sql("select setval(pg_get_serial_sequence('case_file', 'id'), (select max(id) from case_file))")
        .query(Long.class).single();
    jdbc.sql("insert into case_fact (case_id, status, commune_code, reform_commune_code, sex, date_of_birth,"
        + " ethnicity, household_status, disability_type, disability_level, condition_group, listed_on, eligible,"
        + " review_decision, screened_on, indication, absences, referred_on, family_consent, counselling_outcome,"
        + " funding_decision, funding_source, approved_on, approved_amount, paid_on, paid_amount, settled_on,"
        + " settled_amount, surgery_status, surgery_on, postponements, service_arranged_on, service_started_on,"
        + " service_lead_kind, follow_up_visits, last_follow_up_on, more_services_needed, moves, closed_on,"
        + " closure_outcome, refreshed_at) " + FACTS).update();
    // the enrolment's plan year, as CaseFacts copies it from the case file: what a plan year's report counts
    jdbc.sql("update case_fact f set programme_code = c.programme_code, plan_year = c.plan_year from case_file c"
        + " where c.id = f.case_id and f.case_id between :from and :to").param("from", idBase + first)
        .param("to", idBase + last).update();
    jdbc.sql("insert into case_task_fact (case_id, step, task_id, agency_id, due_at, completed_at, completed_on)"
        + TASKS).param("from", idBase + first).param("to", idBase + last).update();
    jdbc.sql("drop table benchmark_plan").update();
  }

  private static String draw(int k) {
    return "mod(hashint8(n * 16 + " + k + ")::bigint + 2147483648, 10000)::int as u" + k;
  }

  /** Each child's draws u0..u15 (0..9999), and its whole planned pathway, before today cuts it. */
  private static final String PLAN;
  private static final String STATUS = "case when kind = 'MERGED' then 'MERGED' when " + "closed_on <= current_date"
      + " then 'CLOSED' else 'ACTIVE' end";
  private static final String CLOSED = "kind <> 'MERGED' and closed_on <= current_date";

  static {
    StringBuilder draws = new StringBuilder();
    for (int k = 0; k < 16; k++) {
      draws.append(k == 0 ? "" : ", ").append(draw(k));
    }
    PLAN = "with u as (select n, " + draws + " from generate_series(cast(:first as bigint), :last) n),"
        // listed evenly over the years; the communes' sizes fall off (the first has about three times the last's)
        + " b as (select u.*, cast(:start as date) + cast(u0 * (current_date - cast(:start as date)) / 10000 as int)"
        + " as listed_on, (cast(:communes as varchar[]))[1 + cast(floor(power(u1 / 10000.0, 1.4)"
        + " * cardinality(cast(:communes as varchar[]))) as int)] as commune_code,"
        // the funnel: what happened to the child, decided at listing, screening and referral
        + " case when u8 < 500 then 'NOT_ELIGIBLE' when u8 < 700 then 'ABSENT' when u8 < 9650 then 'PATHWAY'"
        + " when u8 < 9850 then 'WITHDRAWN' when u8 < 9900 then 'OTHER' else 'MERGED' end as kind,"
        + " case when u11 < 3500 then 'SURGERY' when u11 < 6000 then 'REHABILITATION' when u11 < 7500"
        + " then 'ASSISTIVE_DEVICE' when u11 < 8500 then 'OTHER_SERVICE' else 'NONE' end as planned_indication,"
        + " case when u14 < 7500 then 'FUND' when u14 < 8500 then 'HEALTH_INSURANCE' when u14 < 9200 then 'CHARITY'"
        + " when u14 < 9500 then 'WAITING' else 'NONE' end as money"
        + " from u),"
        + " s as (select b.*, listed_on + 15 + u10 % 75 as planned_screening,"
        + " listed_on + 15 + u10 % 75 + 5 + u12 % 25 as planned_referral from b),"
        + " p as (select s.*,"
        + " case when kind in ('PATHWAY', 'WITHDRAWN', 'OTHER') then planned_screening end as screened_on,"
        + " case when kind in ('PATHWAY', 'WITHDRAWN', 'OTHER') then planned_indication end as indication,"
        + " kind = 'PATHWAY' and planned_indication = 'SURGERY' as operated,"
        + " kind = 'PATHWAY' and planned_indication in ('REHABILITATION', 'ASSISTIVE_DEVICE', 'OTHER_SERVICE')"
        + " as served from s),"
        + " q as (select p.*, operated and u13 >= 500 as consented,"
        + " operated and u13 >= 500 and money not in ('WAITING', 'NONE') as funded,"
        + " case when operated and u13 >= 500 and money = 'FUND' then planned_referral + 3 + u15 % 20 end"
        + " as approved_on from p),"
        + " r as (select q.*, approved_on + 2 + u12 % 14 as paid_on,"
        + " case when funded then coalesce(approved_on + 2 + u12 % 14, planned_referral + 20) + 5 + u13 % 40 end"
        + " as surgery_on,"
        + " case when served then planned_screening + 7 + u12 % 33 end as service_arranged_on from q),"
        + " t as (select r.*, case when funded and u10 % 20 < 17 then surgery_on"
        + " when served then service_arranged_on end as reached_on from r),"
        + " v as (select t.*, case when reached_on is not null then u15 % 5 else 0 end as follow_up_visits from t)"
        + " select cast(:base as bigint) + n as id, n, kind, commune_code,"
        // a case carried on by the 2025 reform: its old commune, for the old units' reports
        + " case when listed_on < date '2025-07-01' and u1 % 10 < 7 then 'OLD' || (1 + u1 % 16) end"
        + " as reform_commune_code,"
        + " case when u2 < 5200 then 'MALE' else 'FEMALE' end as sex,"
        + " listed_on - 1 - cast(u3 * 6570 / 10000 as int) as date_of_birth,"
        + " case when u4 < 3500 then 'Tày' when u4 < 6500 then 'Nùng' when u4 < 9000 then 'Kinh' when u4 < 9500"
        + " then 'Dao' when u4 < 9700 then 'Sán Chay' when u4 < 9800 then 'Hoa' when u4 < 9880 then 'Mông'"
        + " when u4 < 9930 then 'Sán Dìu' when u4 < 9960 then 'Pà Thẻn' end as ethnicity,"
        + " case when u7 % 100 < 30 then 'POOR' when u7 % 100 < 55 then 'NEAR_POOR' else 'OTHER' end"
        + " as household_status,"
        + " (array['MOBILITY', 'HEARING_SPEECH', 'VISION', 'MENTAL_NEUROLOGICAL', 'INTELLECTUAL', 'OTHER'])"
        + "[1 + (u7 / 100) % 6] as disability_type,"
        + " case when u6 < 4500 then 'MILD' when u6 < 8000 then 'SEVERE' when u6 < 9500 then 'ESPECIALLY_SEVERE'"
        + " end as disability_level,"
        + " case when u5 < 2200 then 'CLEFT_LIP_PALATE' when u5 < 5200 then 'MOTOR' when u5 < 6000"
        + " then 'BURN_SEQUELAE' when u5 < 7000 then 'EYE' when u5 < 7800 then 'EAR' when u5 < 8600"
        + " then 'GENITO_URINARY' when u5 < 9200 then 'BENIGN_TUMOUR' else 'OTHER' end as condition_group,"
        + " listed_on, kind <> 'NOT_ELIGIBLE' as eligible,"
        + " case when kind <> 'NOT_ELIGIBLE' then 'ACCEPT' end as review_decision,"
        + " screened_on, indication,"
        + " case when kind = 'ABSENT' then 2 when u9 < 1200 then 1 else 0 end as absences,"
        + " case when operated then planned_referral end as referred_on,"
        + " case when operated then u13 >= 1000 end as family_consent,"
        + " case when operated and u13 < 1000 then case when u13 >= 500 then 'CONSENTED' else 'DECLINED' end end"
        + " as counselling_outcome,"
        + " case when consented then case money when 'FUND' then 'APPROVED' when 'WAITING' then 'WAITING'"
        + " else 'REJECTED' end end as funding_decision,"
        + " case when consented and money in ('FUND', 'WAITING') then 'FUND' when consented and money in"
        + " ('HEALTH_INSURANCE', 'CHARITY') then money end as funding_source,"
        + " approved_on, case when approved_on is not null then 5000000 + u15 * 3500 end as approved_amount,"
        + " paid_on, case when paid_on is not null then 5000000 + u15 * 3500 end as paid_amount,"
        + " case when money = 'FUND' and funded and u10 % 20 < 17 then surgery_on + 10 + u9 % 30 end"
        + " as settled_on,"
        + " case when money = 'FUND' and funded and u10 % 20 < 17 then 5000000 + u15 * 3500 - u9 % 5 * 100000 end"
        + " as settled_amount,"
        + " case when funded and u10 % 20 < 17 then 'DONE' when funded and u10 % 20 < 18 then 'POSTPONED' end"
        + " as surgery_status, surgery_on,"
        + " case when funded and u10 % 20 = 17 then 1 when funded and u10 % 7 = 0 then 1 else 0 end"
        + " as postponements,"
        + " service_arranged_on, service_arranged_on + u13 % 14 as service_started_on,"
        + " case planned_indication when 'REHABILITATION' then 'HEALTH_CENTRE' when 'ASSISTIVE_DEVICE'"
        + " then 'DISABILITY_ASSOCIATION' else 'COMMUNE_CULTURE_SOCIAL' end as service_lead_kind,"
        + " follow_up_visits, case when follow_up_visits > 0 then reached_on + 30 * follow_up_visits end"
        + " as last_follow_up_on,"
        + " case when follow_up_visits > 0 then u14 % 10 = 0 end as more_services_needed,"
        + " case when u5 % 50 = 0 then 1 else 0 end as moves,"
        + " case kind when 'NOT_ELIGIBLE' then listed_on + 10 when 'ABSENT' then listed_on + 100"
        + " when 'WITHDRAWN' then planned_screening + 30 when 'OTHER' then planned_screening + 40"
        + " else case when indication = 'NONE' then planned_screening + 7"
        + " when operated and u13 < 500 then planned_referral + 10"
        + " when operated and money = 'NONE' then planned_referral + 30"
        + " when follow_up_visits >= 2 then reached_on + 30 * follow_up_visits + 14 end end as closed_on,"
        + " case kind when 'NOT_ELIGIBLE' then 'NOT_ELIGIBLE' when 'ABSENT' then 'ABSENT_FROM_SCREENING'"
        + " when 'WITHDRAWN' then 'WITHDRAWN' when 'OTHER' then 'OTHER_CLOSURE'"
        + " else case when indication = 'NONE' then 'NO_INDICATION' when operated and u13 < 500 then 'NO_CONSENT'"
        + " when operated and money = 'NONE' then 'NO_FUNDING' when operated then 'SURGERY_COMPLETED'"
        + " else 'SERVICE_PROVIDED' end end as closure_outcome"
        + " from v";
  }

  private static final String VISITS_AHEAD = "((last_follow_up_on - current_date + 29) / 30)";

  /** The facts as of today: a date not yet come is not recorded, nor what it brought. */
  private static final String FACTS = "select id, " + STATUS + ", commune_code, reform_commune_code, sex,"
      + " date_of_birth, ethnicity, household_status, disability_type, disability_level, condition_group, listed_on,"
      + " case when listed_on + 2 <= current_date then eligible end,"
      + " case when listed_on + 3 <= current_date then review_decision end,"
      + " " + today("screened_on") + ", case when screened_on <= current_date then indication end, absences,"
      + " " + today("referred_on") + ", case when referred_on <= current_date then family_consent end,"
      + " case when referred_on + 5 <= current_date then counselling_outcome end,"
      + " case when coalesce(approved_on, referred_on + 3) <= current_date then funding_decision end,"
      + " case when coalesce(approved_on, referred_on + 3) <= current_date then funding_source end,"
      + " " + today("approved_on") + ", case when approved_on <= current_date then approved_amount end,"
      + " " + today("paid_on") + ", case when paid_on <= current_date then paid_amount end,"
      + " " + today("settled_on") + ", case when settled_on <= current_date then settled_amount end,"
      + " case when surgery_on <= current_date then surgery_status end, case when surgery_on <= current_date"
      + " and surgery_status = 'DONE' then surgery_on end,"
      + " case when surgery_on <= current_date then postponements else 0 end,"
      + " " + today("service_arranged_on") + ", " + today("service_started_on") + ","
      + " case when service_arranged_on <= current_date then service_lead_kind end,"
      // the visits due after today are not made yet: the last one made is 30 days earlier for each
      + " case when last_follow_up_on <= current_date then follow_up_visits when last_follow_up_on is not null"
      + " then greatest(0, follow_up_visits - " + VISITS_AHEAD + ") else 0 end,"
      + " case when last_follow_up_on <= current_date then last_follow_up_on when follow_up_visits > "
      + VISITS_AHEAD + " then last_follow_up_on - 30 * " + VISITS_AHEAD + " end,"
      + " case when last_follow_up_on <= current_date then more_services_needed end, moves,"
      + " case when " + CLOSED + " then closed_on end, case when " + CLOSED + " then closure_outcome end,"
      + " localtimestamp from benchmark_plan";

  private static String today(String column) {
    return "case when " + column + " <= current_date then " + column + " end";
  }

  /**
   * One completed task per step the facts say was done, routed to the agency the province's routing names (the
   * commune's offices, the health department, the fund, the health centre, the disability association), due a week
   * after it arrived: most done on time, some late, a tenth without a due date (done before due dates were kept).
   */
  private static final String TASKS = " select case_id, step, null, agency,"
      + " case when h % 10 = 0 then null when h % 100 < 85 then at + (1 + h % 5) * interval '1 day'"
      + " else at - (1 + h % 9) * interval '1 day' end, at, done_on"
      + " from (select f.case_id, s.step, s.agency, s.done_on,"
      + " s.done_on + time '07:30' + mod(hashint8(f.case_id * 32 + s.k)::bigint + 2147483648, 36000)"
      + " * interval '1 second' as at, mod(hashint8(f.case_id * 32 + s.k + 16)::bigint + 2147483648, 1000) as h"
      + " from case_fact f"
      + " join agency vhxh on vhxh.unit_code = f.commune_code and vhxh.kind = 'COMMUNE_CULTURE_SOCIAL'"
      + " join agency ubnd on ubnd.unit_code = f.commune_code and ubnd.kind = 'COMMUNE_PEOPLES_COMMITTEE'"
      + " cross join (select max(case when kind = 'HEALTH_DEPARTMENT' then id end) as health,"
      + " max(case when kind = 'CHILD_PROTECTION_FUND' then id end) as fund,"
      + " max(case when kind = 'HEALTH_CENTRE' then id end) as centre,"
      + " max(case when kind = 'DISABILITY_ASSOCIATION' then id end) as association from agency) prov"
      + " cross join lateral (values"
      + " (0, 'Task_CheckEligibility', vhxh.id, case when f.eligible is not null then f.listed_on + 2 end),"
      + " (1, 'Task_ReviewListing', vhxh.id, case when f.review_decision is not null then f.listed_on + 3 end),"
      + " (2, 'Task_RecordScreening', prov.centre, f.screened_on),"
      + " (3, 'Task_PrepareReferral', vhxh.id, f.referred_on),"
      + " (4, 'Task_CounselFamily', ubnd.id, case when f.counselling_outcome is not null then f.referred_on + 5"
      + " end),"
      + " (5, 'Task_ApproveFunding', prov.health, case when f.funding_decision is not null then"
      + " coalesce(f.approved_on, f.referred_on + 3) end),"
      + " (6, 'Task_RecordDisbursement', prov.fund, f.paid_on),"
      + " (7, 'Task_RecordSurgeryResult', vhxh.id, f.surgery_on),"
      + " (8, 'Task_SettleCosts', prov.fund, f.settled_on),"
      + " (9, 'Task_ArrangeService', case f.service_lead_kind when 'HEALTH_CENTRE' then prov.centre"
      + " when 'DISABILITY_ASSOCIATION' then prov.association else vhxh.id end, f.service_arranged_on),"
      + " (10, 'Task_CloseCase', vhxh.id, f.closed_on)) s(k, step, agency, done_on)"
      + " where f.case_id between :from and :to and s.done_on is not null"
      + " union all"
      + " select f.case_id, 'Task_FollowUpVisit', ubnd.id, f.last_follow_up_on - 30 * (f.follow_up_visits - v),"
      + " f.last_follow_up_on - 30 * (f.follow_up_visits - v) + time '07:30'"
      + " + mod(hashint8(f.case_id * 32 + 20 + v)::bigint + 2147483648, 36000) * interval '1 second',"
      + " mod(hashint8(f.case_id * 32 + 26 + v)::bigint + 2147483648, 1000)"
      + " from case_fact f"
      + " join agency ubnd on ubnd.unit_code = f.commune_code and ubnd.kind = 'COMMUNE_PEOPLES_COMMITTEE'"
      + " cross join lateral generate_series(1, f.follow_up_visits) v"
      + " where f.case_id between :from and :to and f.follow_up_visits > 0) x";
}
