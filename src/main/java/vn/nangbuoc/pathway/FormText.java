package vn.nangbuoc.pathway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value shown in a Camunda Form's text component, made literal text. Tasklist's form-js inserts
 * {{case_...}} values into the component's Markdown unescaped, renders it with marked (GFM, with
 * autolinks and raw HTML) and keeps links and images through its sanitizer: a hospital typed as
 * {@code [Đăng nhập](http://...)} or {@code <a href=...>} became a live link in the approver's form.
 * Every character that Markdown or HTML could read as markup is written as a character reference,
 * which marked leaves alone and the browser shows as the character.
 */
public final class FormText {

  /** HTML's own, and every punctuation mark that opens Markdown emphasis, links, code or blocks. */
  private static final String ALWAYS = "&<>\"'\\`*_[](){}#+!|~:@";
  /** Harmless inside a line ("NB-2026", "15.000.000"); at its start, before a space, lists, rules and headings. */
  private static final Pattern LINE_START =
      Pattern.compile("(?m)^([ \\t]*)([-=](?=[-=]*[ \\t]*$|[ \\t])|\\d{1,9}[.)](?=[ \\t]|$))");
  /** The only autolink GFM finds without a colon or an at sign. */
  private static final Pattern WWW = Pattern.compile("(?i)(www)\\.");

  private FormText() {
  }

  public static String escape(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (ALWAYS.indexOf(c) >= 0) {
        text.append("&#").append((int) c).append(';');
      } else if (c != '\r') {
        text.append(c);
      }
    }
    String escaped = WWW.matcher(text).replaceAll("$1&#46;");
    Matcher start = LINE_START.matcher(escaped);
    StringBuilder result = new StringBuilder();
    while (start.find()) {
      String mark = start.group(2);
      start.appendReplacement(result, Matcher.quoteReplacement(start.group(1)
          + mark.substring(0, mark.length() - 1) + "&#" + (int) mark.charAt(mark.length() - 1) + ";"));
    }
    start.appendTail(result);
    return result.toString();
  }
}
