package vn.nangbuoc.casepage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.PageFormat;
import vn.nangbuoc.pathway.StepCatalogues;

/**
 * What a step recorded, as people read it: field names and codes in Vietnamese, amounts in đồng. The labels are
 * the steps' catalogues'.
 */
@Component
class RecordFields {

  private final PageFormat format;
  private final StepCatalogues catalogues;

  RecordFields(PageFormat format, StepCatalogues catalogues) {
    this.format = format;
    this.catalogues = catalogues;
  }

  Map<String, String> shown(Map<String, Object> data) {
    Map<String, String> labels = catalogues.fieldLabels();
    Map<String, String> shown = new LinkedHashMap<>();
    data.forEach((field, value) -> {
      if (value == null || "".equals(value)) {
        return;
      }
      String text;
      if (value instanceof Number amount && catalogues.isAmount(field)) {
        text = format.money(amount.longValue());
      } else if (value instanceof Boolean yes) {
        text = yes ? "Có" : "Không";
      } else {
        text = format.word(value);
      }
      shown.put(labels.getOrDefault(field, field), text);
    });
    return shown;
  }
}
