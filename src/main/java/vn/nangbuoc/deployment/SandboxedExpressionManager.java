package vn.nangbuoc.deployment;

import java.util.Set;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.joda.time.DateTime;
import org.springframework.context.ApplicationContext;

/**
 * The second wall behind {@link DeploymentPolicy}, at evaluation time: expressions resolve only the
 * exposed beans ({@link ExpressionBeans}) instead of the whole application context, and call no
 * method and read no property of an object except the shipped timers' calls and date arithmetic on
 * the engine's {@code dateTime()} (Tasklist's filters: {@code ${dateTime().plusDays(2).toDate()}}). It
 * also holds for a model deployed before the policy existed, and for the expressions of stored task
 * queries (filters), which any Tasklist user may write. Variables, lists, maps and the engine's
 * functions ({@code currentUser()}, {@code now()}) are resolved as before.
 */
public class SandboxedExpressionManager extends SpringExpressionManager {

  /** What a filter may do with {@code dateTime()}: move it and turn it into a date, nothing else. */
  static final Set<String> DATE_ARITHMETIC = Set.of("plusMinutes", "minusMinutes", "plusHours", "minusHours",
      "plusDays", "minusDays", "plusWeeks", "minusWeeks", "plusMonths", "minusMonths", "plusYears", "minusYears",
      "withTimeAtStartOfDay", "toDate");

  private final ExpressionBeans exposed;

  public SandboxedExpressionManager(ApplicationContext context, ExpressionBeans exposed) {
    super(context, exposed.asMap());
    this.exposed = exposed;
  }

  @Override
  protected ELResolver createElResolver() {
    // SpringExpressionManager's own list, with the bean resolver replaced and without the engine's
    // test-support MockElResolver (names registered in Mocks): nothing shipped uses it
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new ReadOnlyMapELResolver(beans));
    resolver.add(new ArrayELResolver());
    resolver.add(new ListELResolver());
    resolver.add(new MapELResolver());
    resolver.add(new NoReflection(exposed));
    return resolver;
  }

  /** JUEL's resolver of objects' properties and methods, which answers only the allowed calls. */
  static final class NoReflection extends BeanELResolver {

    private final ExpressionBeans exposed;

    NoReflection(ExpressionBeans exposed) {
      super(true);
      this.exposed = exposed;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base != null && method != null && (exposed.allowsCall(base, method.toString())
          || base instanceof DateTime && DATE_ARITHMETIC.contains(method.toString()))) {
        return super.invoke(context, base, method, paramTypes, params);
      }
      if (base == null) {
        return null;
      }
      throw new MethodNotFoundException("Biểu thức không được gọi phương thức " + method);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      throw new PropertyNotFoundException("Biểu thức không được đọc thuộc tính " + property + " của đối tượng");
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      throw new PropertyNotFoundException("Biểu thức không được đọc thuộc tính " + property + " của đối tượng");
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new PropertyNotFoundException("Biểu thức không được ghi thuộc tính " + property + " của đối tượng");
      }
    }
  }
}
