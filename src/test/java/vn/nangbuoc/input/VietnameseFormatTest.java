package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseFormatTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      30000000   | 30.000.000 đồng
      0          | 0 đồng
      999        | 999 đồng
      1000       | 1.000 đồng
      1234567890 | 1.234.567.890 đồng
      """)
  void shouldWriteAmountsWithDotsBetweenThousands(long amount, String expected) {
    assertThat(VietnameseFormat.money(amount)).isEqualTo(expected);
  }

  @Test
  void shouldWriteDatesDayFirst() {
    assertThat(VietnameseFormat.date(LocalDate.of(2026, 11, 3))).isEqualTo("03/11/2026");
  }

  @Test
  void shouldWriteNoDateAsEmpty() {
    assertThat(VietnameseFormat.date(null)).isEmpty();
  }
}
