package vn.nangbuoc.indicators;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * The indicators the reports compute, read from the file an administrator edits ({@code nangbuoc.indicators.file},
 * by default {@code indicators/indicators.yaml} on the class path): names, plans, targets per plan year and unit,
 * numerators and denominators in the fixed words of {@link Measure}, {@link DateField}, {@link Filter} and
 * {@link Breakdown}. A file that uses any other word stops the application at start, naming the indicator.
 */
@Component
class IndicatorCatalogue {

  record File(List<Entry> indicators) {
  }

  record Entry(String id, String name, String plan, String article, String unit, Query numerator,
      Query denominator, String population, List<TargetEntry> targets, List<String> by, Boolean atMost) {
  }

  record Query(String measure, String dated, List<String> where, List<String> between) {
  }

  record TargetEntry(Integer from, Integer to, Integer year, String unit, BigDecimal value) {
  }

  private final List<Indicator> indicators;

  IndicatorCatalogue(@Value("${nangbuoc.indicators.file:classpath:indicators/indicators.yaml}") Resource file)
      throws IOException {
    this.indicators = read(file);
  }

  List<Indicator> all() {
    return indicators;
  }

  Optional<Indicator> byId(String id) {
    return indicators.stream().filter(indicator -> indicator.id().equals(id)).findFirst();
  }

  /** The populations the catalogue's indicators divide by: what offices enter. */
  Set<String> populations() {
    Set<String> names = new java.util.LinkedHashSet<>();
    indicators.stream().map(Indicator::population).filter(java.util.Objects::nonNull).forEach(names::add);
    return names;
  }

  static List<Indicator> read(Resource file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    File parsed;
    try (InputStream in = file.getInputStream()) {
      parsed = yaml.readValue(in, File.class);
    }
    List<Indicator> indicators = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Entry entry : parsed.indicators() == null ? List.<Entry>of() : parsed.indicators()) {
      try {
        Indicator indicator = indicator(entry);
        if (!ids.add(indicator.id())) {
          throw new IllegalArgumentException("id taken twice");
        }
        indicators.add(indicator);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalStateException("Indicator catalogue " + file.getDescription() + ", indicator \""
            + entry.id() + "\": " + e.getMessage(), e);
      }
    }
    return List.copyOf(indicators);
  }

  private static Indicator indicator(Entry entry) {
    require(entry.id() != null && entry.id().matches("[a-z0-9-]{1,64}"), "id: lower-case letters, digits and -");
    require(entry.name() != null && !entry.name().isBlank(), "name is missing");
    require(entry.plan() != null && !entry.plan().isBlank(), "plan is missing");
    require(entry.numerator() != null, "numerator is missing");
    List<Indicator.Target> targets = new ArrayList<>();
    for (TargetEntry target : entry.targets() == null ? List.<TargetEntry>of() : entry.targets()) {
      Integer from = target.year() != null ? target.year() : target.from();
      Integer to = target.year() != null ? target.year() : target.to();
      require(from != null && to != null && from <= to, "a target needs year, or from and to");
      require(target.value() != null, "a target needs a value");
      targets.add(new Indicator.Target(from, to, target.unit(), target.value()));
    }
    List<Breakdown> by = (entry.by() == null ? List.<String>of() : entry.by()).stream().map(Breakdown::of).toList();
    return new Indicator(entry.id(), entry.name().strip(), entry.plan().strip(), entry.article(),
        ValueUnit.of(entry.unit()), query(entry.numerator()),
        entry.denominator() == null ? null : query(entry.denominator()), entry.population(), targets, by,
        Boolean.TRUE.equals(entry.atMost()));
  }

  private static FactQuery query(Query query) {
    List<Filter> where = (query.where() == null ? List.<String>of() : query.where()).stream().map(Filter::parse)
        .toList();
    for (Filter filter : where) {
      require(filter.word() != Filter.Word.STEP || ChildPathway.USER_TASKS.contains(filter.value()),
          "step \"" + filter.value() + "\" is not a user task of the pathway");
    }
    List<DateField> between = (query.between() == null ? List.<String>of() : query.between()).stream()
        .map(DateField::of).toList();
    return new FactQuery(Measure.of(query.measure()), DateField.of(query.dated()), where, between);
  }

  private static void require(boolean rule, String message) {
    if (!rule) {
      throw new IllegalArgumentException(message);
    }
  }
}
