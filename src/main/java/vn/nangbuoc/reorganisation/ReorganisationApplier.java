package vn.nangbuoc.reorganisation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.InvalidInputException;

/**
 * Applies a reorganisation for the administrator's page outside the request: carrying a city's cases across
 * takes minutes, longer than a browser waits for an answer, so the page starts it here and shows its progress
 * on each reload. One at a time on this node, in the order pressed. What stops an apply (a problem found at its
 * start, a failure) is kept for the page until the next attempt. A node that shuts down asks its apply to stop
 * after the batch in hand; one that crashes loses that batch; applying again resumes (see
 * {@link ReorganisationRun}).
 */
@Component
class ReorganisationApplier implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReorganisationApplier.class);
  static final String FAILED = "Áp dụng bị dừng do lỗi hệ thống (đã ghi vào nhật ký máy chủ). Các lô đã xong được"
      + " giữ nguyên; bấm áp dụng lại để tiếp tục từ chỗ dừng.";

  private final ReorganisationRun run;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
    Thread thread = new Thread(work, "reorganisation-apply");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final Map<Long, String> refusals = new ConcurrentHashMap<>();

  ReorganisationApplier(ReorganisationRun run) {
    this.run = run;
  }

  /** Starts applying (or resuming) it; false when it is waiting or being applied on this node already. */
  boolean start(long id, String user) {
    if (!pending.add(id)) {
      return false;
    }
    refusals.remove(id);
    executor.execute(() -> {
      try {
        run.apply(id, user, Integer.MAX_VALUE);
      } catch (InvalidInputException refused) {
        refusals.put(id, refused.getMessage());
      } catch (RuntimeException failure) {
        log.error("Reorganisation {} stopped by a failure", id, failure);
        refusals.put(id, FAILED);
      } finally {
        pending.remove(id);
      }
    });
    return true;
  }

  /** Waiting for its turn or being applied on this node. */
  boolean inHand(long id) {
    return pending.contains(id);
  }

  /** Why the last attempt on this node did not finish, in Vietnamese. */
  Optional<String> refusal(long id) {
    return Optional.ofNullable(refusals.get(id));
  }

  /** A node that stops asks its apply to stop between two batches, so that it ends stopped, not broken off. */
  @Override
  public void destroy() throws InterruptedException {
    pending.forEach(run::requestStop);
    executor.shutdown();
    if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
