package vn.nangbuoc.migration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.NotFoundException;

/**
 * How far a migration batch has come. The engine keeps a batch at runtime while its jobs run and deletes it when
 * the last one is done; from then on its history says it finished.
 */
@Component
class MigrationProgress {

  /** Jobs of the batch: each migrates {@code instancesPerJob} pathways. */
  record Progress(String batchId, boolean finished, int jobs, int done, int failed, int remaining,
      int instancesPerJob, String message) {
  }

  private final ManagementService management;
  private final HistoryService history;

  MigrationProgress(ManagementService management, HistoryService history) {
    this.management = management;
    this.history = history;
  }

  Progress of(String batchId) {
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId)
        .type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
    if (running != null) {
      int failed = running.getFailedJobs();
      return new Progress(batchId, false, running.getTotalJobs(), running.getCompletedJobs(), failed,
          running.getRemainingJobs(), running.getInvocationsPerBatchJob(),
          "Đang chuyển: xong " + running.getCompletedJobs() + "/" + running.getTotalJobs() + " phần việc"
              + (failed == 0 ? "." : ", " + failed + " phần lỗi: các lộ trình của phần lỗi vẫn ở phiên bản cũ;"
                  + " xem sự cố (incident) của đợt này trong Cockpit, sửa rồi chạy lại phần việc."));
    }
    HistoricBatch past = history.createHistoricBatchQuery().batchId(batchId)
        .type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
    if (past == null) {
      throw new NotFoundException("Không có đợt chuyển lộ trình " + batchId + ".");
    }
    boolean finished = past.getEndTime() != null;
    return new Progress(batchId, finished, past.getTotalJobs(), finished ? past.getTotalJobs() : 0, 0,
        finished ? 0 : past.getTotalJobs(), past.getInvocationsPerBatchJob(),
        finished ? "Đã xong: " + past.getTotalJobs() + "/" + past.getTotalJobs() + " phần việc."
            : "Đợt chuyển đã bị xóa trước khi xong.");
  }
}
