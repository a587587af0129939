package vn.nangbuoc.pathway;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.nangbuoc.pathway.StepCatalogue.Section;

/**
 * The catalogue of a process that exists only for tests (src/test/resources/catalogue/growth-check.bpmn): what a
 * second process adds, and all it adds, to be shown on forms and case pages. {@link NewStepTest} deploys it.
 */
@Configuration(proxyBeanMethods = false)
public class GrowthCheckSteps {

  static final String PROCESS_KEY = "growth-check";
  static final String MODEL = "catalogue/growth-check.bpmn";
  static final String FORM = "catalogue/measure-growth.form";
  static final String TASK_MEASURE_GROWTH = "Task_MeasureGrowth";
  static final Section GROWTH = new Section("Theo dõi tăng trưởng");

  @Bean
  StepCatalogue growthCheckCatalogue() {
    return new StepCatalogue(PROCESS_KEY, MODEL, List.of(GROWTH), List.of(
        // a measurement is read against the last one
        Step.userTask(TASK_MEASURE_GROWTH, "measure-growth.form").in(GROWTH).shortName("growth")
            .shows(TASK_MEASURE_GROWTH)
            .field("heightCm", "Chiều cao (cm)").field("nutrition", "Tình trạng dinh dưỡng")
            .amount("nutritionAllowance", "Tiền hỗ trợ dinh dưỡng")
            .value("STUNTED", "Thấp còi").build()));
  }
}
