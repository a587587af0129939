package vn.nangbuoc.casepage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.PageFormat;
import vn.nangbuoc.pathway.DisplayLabels;
import vn.nangbuoc.pathway.StepCatalogues;

/**
 * What a step recorded, as people read it: field names and codes in Vietnamese, amounts in đồng, dates as
 * dd/mm/yyyy. The labels are the steps' catalogues' and the case file's.
 */
@Component
class RecordFields {

  private final PageFormat format;
  private final StepCatalogues catalogues;
  private final DisplayLabels labels;

  RecordFields(PageFormat format, StepCatalogues catalogues, DisplayLabels labels) {
    this.format = format;
    this.catalogues = catalogues;
    this.labels = labels;
  }

  Map<String, String> shown(Map<String, Object> data) {
    Map<String, String> fieldLabels = catalogues.fieldLabels();
    Map<String, String> shown = new LinkedHashMap<>();
    data.forEach((field, value) -> {
      if (value == null || "".equals(value)) {
        return;
      }
      String text;
      if (value instanceof Number amount && catalogues.isAmount(field)) {
        text = format.money(amount.longValue());
      } else if (labels.knows(value) || value instanceof Boolean) {
        text = labels.of(value);
      } else {
        // a date as dd/mm/yyyy; a fund's word (payee, receipt kind); else as it was written
        text = format.word(labels.of(value));
      }
      shown.put(fieldLabels.getOrDefault(field, field), text);
    });
    return shown;
  }
}
