package vn.nangbuoc.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closed case files by the hundred thousand, copied in the tables from closed pathways that went the whole
 * way through the engine (the templates): the case file, its caregiver and step records, the pathway's
 * history (instance, activities, tasks, variables, identity links) and the rights on the instance, its history
 * and its finished tasks, as the engine and the product left them. Copy n of a template has the template's
 * ids with "x" and n appended ({@link #copied}; the engine's ids are UUIDs, which hold no "x"); its case
 * number likewise, and no personal ID. Not copied: variable change details (act_hi_detail) and the
 * operation log, which nothing a reorganisation does reads.
 */
final class ClosedCaseCopies {

  /** The columns of each engine table that hold ids of the pathway's own rows: these get the copy's suffix. */
  private static final Map<String, Set<String>> OWN_IDS = Map.of(
      "act_hi_procinst", Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "business_key_"),
      "act_hi_actinst", Set.of("id_", "parent_act_inst_id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
          "task_id_", "call_proc_inst_id_"),
      "act_hi_taskinst", Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_", "act_inst_id_"),
      "act_hi_varinst", Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_", "act_inst_id_",
          "task_id_"),
      "act_hi_identitylink", Set.of("id_", "task_id_", "root_proc_inst_id_"),
      "act_ru_authorization", Set.of("id_", "resource_id_", "root_proc_inst_id_"));

  private final JdbcClient jdbc;

  ClosedCaseCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Makes {@code copies} closed case files, spread evenly over the templates (closed pathways), numbered from
   * {@code first} on (a database that holds copies already gets more).
   */
  void copy(List<String> templates, int first, int copies) {
    if (copies == 0) {
      return;
    }
    jdbc.sql("create table benchmark_copy (n integer primary key, template varchar(64) not null)").update();
    try {
      jdbc.sql("insert into benchmark_copy (n, template) select g.n, t.pid from generate_series(:first, :last) g(n)"
              + " join (select pid, row_number() over (order by pid) - 1 as k from unnest(cast(:templates as"
              + " varchar[])) pid) t on t.k = g.n % :count")
          .param("first", first).param("last", first + copies - 1).param("templates", templates.toArray(String[]::new))
          .param("count", templates.size()).update();
      jdbc.sql("analyze benchmark_copy").update();
      String ofTemplate = " join benchmark_copy m on t.proc_inst_id_ = m.template";
      copyEngineRows("act_hi_procinst", ofTemplate);
      copyEngineRows("act_hi_actinst", ofTemplate);
      copyEngineRows("act_hi_taskinst", ofTemplate);
      copyEngineRows("act_hi_varinst", ofTemplate);
      copyEngineRows("act_hi_identitylink", " join benchmark_copy m on t.root_proc_inst_id_ = m.template");
      // the rights on the instance and its history, and on each finished task (joined, not a subquery per copy)
      copyEngineRows("act_ru_authorization", " join benchmark_copy m on t.resource_id_ = m.template"
          + " where t.type_ <> 0");
      copyEngineRows("act_ru_authorization", " join act_hi_taskinst h on h.id_ = t.resource_id_"
          + " join benchmark_copy m on m.template = h.proc_inst_id_ where t.type_ <> 0");
      copyCaseFiles();
    } finally {
      jdbc.sql("drop table benchmark_copy").update();
    }
  }

  /** Copies the rows {@code t} of the table that {@code templateRows} joins to their copy {@code m}. */
  private void copyEngineRows(String table, String templateRows) {
    Set<String> own = OWN_IDS.get(table);
    List<String> columns = columns(table);
    String values = columns.stream().map(c -> own.contains(c) ? copied("t." + c) : "t." + c)
        .collect(Collectors.joining(", "));
    jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
        + " t" + templateRows).update();
  }

  private void copyCaseFiles() {
    List<String> columns = columns("case_file").stream().filter(c -> !c.equals("id")).toList();
    String values = columns.stream().map(c -> switch (c) {
      case "case_number", "process_instance_id" -> copied("t." + c);
      case "personal_id", "merged_into" -> "null";
      default -> "t." + c;
    }).collect(Collectors.joining(", "));
    jdbc.sql("insert into case_file (" + String.join(", ", columns) + ") select " + values
        + " from case_file t join benchmark_copy m on t.process_instance_id = m.template").update();
    String copyOf = " join case_file t on t.id = r.case_id join benchmark_copy m on m.template = t.process_instance_id"
        + " join case_file c on c.process_instance_id = " + copied("m.template");
    jdbc.sql("insert into case_caregiver (case_id, full_name, relation, phone)"
        + " select c.id, r.full_name, r.relation, r.phone from case_caregiver r" + copyOf).update();
    jdbc.sql("insert into case_step_record (case_id, step, task_id, recorded_by, recorded_at, data)"
        + " select c.id, r.step, " + copied("r.task_id") + ", r.recorded_by, r.recorded_at, r.data"
        + " from case_step_record r" + copyOf).update();
  }

  /**
   * The copy's id of a template's {@code id}: the id with "x" and the copy's number, cut on the left where it
   * would pass the engine's 64 characters (an activity instance's id is its activity's id, a colon and a UUID:
   * the UUID stays whole).
   */
  private static String copied(String id) {
    return "right(" + id + ", 63 - length(cast(m.n as varchar))) || 'x' || m.n";
  }

  private List<String> columns(String table) {
    return jdbc.sql("select column_name from information_schema.columns where table_schema = current_schema()"
            + " and table_name = ? order by ordinal_position")
        .param(table).query(String.class).list();
  }
}
