package vn.nangbuoc.pathway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.system.EngineSystem;

@Configuration
class PathwayWebConfiguration {

  /** On the public engine REST API and on the one Tasklist itself calls. */
  @Bean
  FilterRegistrationBean<TaskFormContextFilter> taskFormContextFilter(TaskFormContext context, ObjectMapper json,
      EngineSystem system, IdentityService identityService, TaskService taskService, TaskWorkers workers,
      CaseFileService caseFiles, List<UnitTaskForms> unitForms) {
    FilterRegistrationBean<TaskFormContextFilter> registration = new FilterRegistrationBean<>(
        new TaskFormContextFilter(context, json, system, identityService, taskService, workers, caseFiles,
            unitForms));
    registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/process-definition/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
