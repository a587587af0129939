package vn.nangbuoc.caseimport;

import java.util.Map;

/**
 * One row of an uploaded list as typed.
 *
 * @param number the row's number as the spreadsheet shows it (the header is row 1)
 */
record SourceRow(int number, Map<ImportColumn, String> cells) {

  String cell(ImportColumn column) {
    return cells.get(column);
  }
}
