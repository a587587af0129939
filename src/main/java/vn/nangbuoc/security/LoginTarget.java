package vn.nangbuoc.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a login sends the person afterwards when a page asked for it ({@code /dang-nhap?continue=…}): a path of
 * this site only, so that a link to the login cannot send anyone elsewhere (an open redirect). Refused: anything
 * but a path from the root ({@code https://…}, {@code evil}), a path a browser reads as another host
 * ({@code //evil}, {@code /\evil}, their percent-encoded spellings), control characters and whitespace, and the
 * login and logout themselves (a loop).
 */
final class LoginTarget {

  static final String PARAMETER = "continue";
  private static final int LONGEST = 2000;
  private static final int MOST_DECODINGS = 4;
  private static final String LOGOUT = "/dang-xuat";

  private LoginTarget() {
  }

  static Optional<String> of(String asked) {
    if (asked == null || asked.isEmpty() || asked.length() > LONGEST) {
      return Optional.empty();
    }
    // every spelling a browser or a proxy in between might decode once more must be a plain path too
    String spelling = asked;
    for (int decodings = 0; decodings < MOST_DECODINGS; decodings++) {
      if (!isPlainPath(spelling) || spelling.startsWith(SecurityConfiguration.LOGIN_PAGE)
          || spelling.startsWith(LOGOUT)) {
        return Optional.empty();
      }
      String decoded;
      try {
        decoded = URLDecoder.decode(spelling.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        return Optional.empty();
      }
      if (decoded.equals(spelling)) {
        return Optional.of(asked);
      }
      spelling = decoded;
    }
    return Optional.empty();
  }

  private static boolean isPlainPath(String path) {
    if (path.length() < 1 || path.charAt(0) != '/' || path.startsWith("//") || path.indexOf('\\') >= 0) {
      return false;
    }
    return path.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
  }
}
