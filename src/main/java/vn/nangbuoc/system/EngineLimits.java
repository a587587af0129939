package vn.nangbuoc.system;

/**
 * The engine refuses unbounded queries from authenticated users (query-max-results-limit). Lists
 * that are small by nature (a user's groups, the open tasks of one case) are fetched with this bound.
 */
public final class EngineLimits {

  public static final int SMALL_LIST = 200;

  private EngineLimits() {
  }
}
