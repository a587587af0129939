package vn.nangbuoc.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run: printed as they come (lines starting "BENCHMARK") and written at
 * the end as JSON and CSV with the same names, so two runs (before and after a change, or 10,000
 * against 100,000 children) can be compared line by line.
 */
final class Figures {

  record Figure(String name, double value, String unit) {
  }

  private final String benchmark;
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();

  Figures(String benchmark) {
    this.benchmark = benchmark;
  }

  /** What the run was measured with (sizes, threads, database settings): printed and written along. */
  void setting(String name, Object value) {
    settings.put(name, value);
    System.out.printf("BENCHMARK setting %-40s %s%n", name, value);
  }

  void add(String name, double value, String unit) {
    figures.add(new Figure(name, value, unit));
    System.out.printf("BENCHMARK %-60s %12.1f %s%n", name, value, unit);
  }

  /** Median, 95th and 99th percentile of timings given in microseconds, as milliseconds. */
  void latencies(String name, List<Long> micros) {
    add(name + " p50", percentile(micros, 50) / 1000.0, "ms");
    add(name + " p95", percentile(micros, 95) / 1000.0, "ms");
    add(name + " p99", percentile(micros, 99) / 1000.0, "ms");
  }

  double value(String name) {
    return figures.stream().filter(figure -> figure.name().equals(name)).findFirst().orElseThrow().value();
  }

  /** Writes {@code <directory>/<benchmark>-<run>.json} and {@code .csv}; returns the JSON file. */
  Path write(Path directory, String run) {
    try {
      Files.createDirectories(directory);
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("benchmark", benchmark);
      document.put("run", run);
      document.put("settings", settings);
      document.put("figures", figures);
      Path json = directory.resolve(benchmark + "-" + run + ".json");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), document);
      StringBuilder csv = new StringBuilder("figure,value,unit\n");
      figures.forEach(figure -> csv.append('"').append(figure.name().replace("\"", "\"\"")).append("\",")
          .append(figure.value()).append(',').append(figure.unit()).append('\n'));
      Files.writeString(directory.resolve(benchmark + "-" + run + ".csv"), csv, StandardCharsets.UTF_8);
      System.out.println("BENCHMARK figures written to " + json.toAbsolutePath() + " and .csv");
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nearest-rank percentile. */
  static long percentile(List<Long> values, int percent) {
    Long[] sorted = values.toArray(Long[]::new);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
