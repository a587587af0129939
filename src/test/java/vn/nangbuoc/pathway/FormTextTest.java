package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"<a href=\"http://evil\">Đăng nhập</a>", "[Đăng nhập](http://evil)",
      "![img](http://evil/x.png)", "**đậm**", "http://evil.example/login", "www.evil.example", "ai@evil.example",
      "# Tiêu đề", "- mục\n1. mục", "`mã`", "<script>alert(1)</script>", "a | b\n--- | ---", "~~gạch~~", "\\[x\\](y)"})
  void shouldLeaveNoCharacterThatMarkdownOrHtmlReadsAsMarkup(String typed) {
    String shown = FormText.escape(typed);

    assertThat(shown.replaceAll("&#\\d+;", "")).doesNotContainPattern("[<>\\[\\]()*_`#|~:@\\\\!]|www\\.");
    assertThat(shown).doesNotContainPattern("(?m)^[ \\t]*([-=]|\\d+[.)])([ \\t]|$)");
    assertThat(decoded(shown)).isEqualTo(typed);
  }

  @Test
  void shouldKeepOrdinaryTextReadable() {
    assertThat(FormText.escape("Bệnh viện Nhi Trung ương, 15.000.000 đồng · 05/06/2020 · NB-2026-0001"))
        .isEqualTo("Bệnh viện Nhi Trung ương, 15.000.000 đồng · 05/06/2020 · NB-2026-0001");
    assertThat(FormText.escape("15.000.000 đồng")).isEqualTo("15.000.000 đồng");
    assertThat(FormText.escape("-5 độ\n2026. Năm")).isEqualTo("-5 độ\n2026. Năm".replace("2026.", "2026&#46;"));
    assertThat(FormText.escape(null)).isNull();
  }

  /** What the browser shows: every character reference read back as its character. */
  private static String decoded(String shown) {
    StringBuilder text = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(\\d+);").matcher(shown);
    while (m.find()) {
      String decoded = String.valueOf((char) Integer.parseInt(m.group(1)));
      m.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(decoded));
    }
    m.appendTail(text);
    return text.toString();
  }
}
