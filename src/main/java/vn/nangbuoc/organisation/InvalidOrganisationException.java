package vn.nangbuoc.organisation;

import java.util.List;

/** An organisation file (or change set) that cannot be used as it is; every problem is listed, in Vietnamese. */
public class InvalidOrganisationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidOrganisationException(String source, List<String> problems) {
    super("Tệp tổ chức " + source + " chưa dùng được:\n- " + String.join("\n- ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
