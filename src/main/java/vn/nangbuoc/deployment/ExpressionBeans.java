package vn.nangbuoc.deployment;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The application's beans a model may name: the product's own delegates and listeners (by
 * {@code delegateExpression}) and the two beans its timers ask for a date. Every other bean (the case
 * file service, the data source, the engine's services) stays out of expressions' reach.
 */
@Component
public class ExpressionBeans {

  /**
   * The method calls of the shipped timers, bean → method, each called with the execution: the models'
   * and the escalation the engine gives every user task (which the pathway's versions before issue 18 drew).
   */
  static final Map<String, String> TIMER_CALLS = Map.of("taskDeadlines", "escalationCycle",
      "followUpSchedule", "nextVisit");

  private static final String PRODUCT_PACKAGE = "vn.nangbuoc.";

  private final ListableBeanFactory beans;
  private volatile Set<String> delegates;

  public ExpressionBeans(ListableBeanFactory beans) {
    this.beans = beans;
  }

  /**
   * The names of the product's delegate and listener beans, read from the bean definitions (without
   * creating a bean: the engine asks while the application context is still starting).
   */
  Set<String> delegates() {
    if (delegates == null) {
      Set<String> names = new TreeSet<>();
      for (Class<?> type : new Class<?>[] {JavaDelegate.class, TaskListener.class, ExecutionListener.class}) {
        for (String name : beans.getBeanNamesForType(type, true, false)) {
          Class<?> beanType = beans.getType(name, false);
          if (beanType != null && beanType.getName().startsWith(PRODUCT_PACKAGE)) {
            names.add(name);
          }
        }
      }
      delegates = Set.copyOf(names);
    }
    return delegates;
  }

  /** The calls allowed in an expression, in the JUEL parser's canonical form. */
  static Set<String> allowedCalls() {
    return TIMER_CALLS.entrySet().stream().map(call -> call.getKey() + "." + call.getValue() + "(execution)")
        .collect(Collectors.toUnmodifiableSet());
  }

  boolean isExposed(String name) {
    return delegates().contains(name) || TIMER_CALLS.containsKey(name);
  }

  /** Whether the name is a bean of the application that expressions may not reach. */
  boolean isHidden(String name) {
    return beans.containsBean(name) && !isExposed(name);
  }

  /** Whether an expression may call this method on this object (at evaluation time). */
  boolean allowsCall(Object base, String method) {
    for (Map.Entry<String, String> call : TIMER_CALLS.entrySet()) {
      if (call.getValue().equals(method) && beans.containsBean(call.getKey()) && beans.getBean(call.getKey()) == base) {
        return true;
      }
    }
    return false;
  }

  /** The exposed beans as the map the engine resolves expression names (and script names) in. */
  public Map<Object, Object> asMap() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object name) {
        return name instanceof String bean && isExposed(bean) && beans.containsBean(bean);
      }

      @Override
      public Object get(Object name) {
        return containsKey(name) ? beans.getBean((String) name) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return Stream.concat(delegates().stream(), TIMER_CALLS.keySet().stream()).filter(beans::containsBean)
            .map(name -> Map.entry((Object) name, beans.getBean(name))).collect(Collectors.toUnmodifiableSet());
      }
    };
  }
}
