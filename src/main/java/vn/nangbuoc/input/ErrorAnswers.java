package vn.nangbuoc.input;

import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * What a refused or failed request tells the user, whichever API it came through (the application's
 * {@code /api}, the engine's REST API, Tasklist's): Vietnamese sentences, never the engine's text,
 * which names tasks, classes and sometimes a child's data.
 */
public final class ErrorAnswers {

  public static final String CONFLICT = "Công việc này vừa được người khác cập nhật, xin tải lại và thử lại.";
  public static final String NOT_FOUND = "Không tìm thấy: không có, hoặc bạn không có quyền xem.";
  public static final String FORBIDDEN = "Bạn không có quyền thực hiện việc này.";
  public static final String UNAUTHORIZED = "Hãy đăng nhập rồi thử lại.";
  public static final String BAD_REQUEST =
      "Yêu cầu không hợp lệ nên chưa được thực hiện: hãy kiểm tra dữ liệu gửi lên.";
  public static final String UNEXPECTED = "Hệ thống gặp lỗi, chưa thực hiện được yêu cầu. Hãy thử lại sau.";
  public static final String DATABASE_AWAY =
      "Hệ thống tạm thời không kết nối được cơ sở dữ liệu, xin thử lại sau.";
  /** Seconds a client is asked to wait before it tries again while the database is away. */
  public static final String RETRY_AFTER_SECONDS = "10";

  private ErrorAnswers() {
  }

  /** The first error of this type in the chain of causes, or null. */
  public static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** A rule of ours broken somewhere under the error: its message is Vietnamese and meant for the user. */
  public static InvalidInputException invalidInput(Throwable error) {
    return find(error, InvalidInputException.class);
  }

  /** Two users changed the same task or execution at once, and this one lost. */
  public static boolean lostRace(Throwable error) {
    return find(error, OptimisticLockingException.class) != null;
  }

  /**
   * The database cannot be reached (the pool timed out waiting for a connection, a connection broke):
   * nothing of the request was done, and trying again later is the right advice. Class 08 of SQLSTATE
   * is "connection exception" in every database the product runs on; 57P01-57P03 are PostgreSQL ending the
   * session as it shuts down or restarts, and refusing new ones while it starts (what a restart in the
   * middle of a request answers, as the fault suite found).
   */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  public static boolean databaseAway(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException
          || (t instanceof java.sql.SQLException sql
              && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
              || SERVER_GOING_AWAY.contains(sql.getSQLState())))) {
        return true;
      }
    }
    return false;
  }

  /** The generic sentence for an HTTP status, when nothing more precise may be said. */
  public static String forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 503 -> DATABASE_AWAY;
      default -> status >= 500 ? UNEXPECTED : BAD_REQUEST;
    };
  }
}
