package vn.nangbuoc.caseimport;

import java.util.Map;

/**
 * A row of an import and what becomes of it.
 *
 * @param caseId the case it duplicates, or the case it created
 * @param caseNumber that case's number, when the uploader may see it
 * @param cells the row as typed, by column field name; once the import is decided, only name, birth date and
 *     commune (none for a row held for another office)
 */
public record RowResult(int rowNumber, RowOutcome outcome, String message, Long caseId, String caseNumber,
    Map<String, String> cells) {

  RowResult withCells(Map<String, String> kept) {
    return new RowResult(rowNumber, outcome, message, caseId, caseNumber, kept);
  }

  public String cell(ImportColumn column) {
    return cells == null ? null : cells.get(column.field());
  }
}
