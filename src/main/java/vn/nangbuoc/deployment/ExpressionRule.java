package vn.nangbuoc.deployment;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may do: read variables, compare them, combine the answers
 * and write literals; nothing that reaches an object's insides. The expression is parsed by the
 * engine's own JUEL parser (with the same features the engine enables), so another spelling of the
 * same thing (spaces, brackets instead of dots, nesting) gives the same tree and the same answer.
 *
 * <p>Method calls are refused except the few the product's own timers make, compared on the parser's
 * canonical form ({@code taskDeadlines.escalationCycle(execution)}). Property reads ({@code a.b},
 * {@code a['b']}) are refused too: a property read is a getter call, and a chain of getters reaches
 * the engine's configuration and the class loader as surely as a method call does.
 */
class ExpressionRule {

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private static final Set<Class<?>> PLAIN_NODES = Set.of(AstComposite.class, AstEval.class, AstText.class,
      AstIdentifier.class, AstBinary.class, AstUnary.class, AstChoice.class, AstNested.class, AstString.class,
      AstNumber.class, AstBoolean.class, AstNull.class);

  /** Objects the engine puts in every expression's reach; read whole they expose the engine. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask",
      "variableScope", "processEngine", "processEngineConfiguration");

  private final Set<String> allowedCalls;
  private final Predicate<String> forbiddenName;

  /**
   * @param allowedCalls method calls allowed in canonical form, as the shipped models write them
   * @param forbiddenName names an expression may not read (the application's beans that are not
   *     the product's delegates)
   */
  ExpressionRule(Set<String> allowedCalls, Predicate<String> forbiddenName) {
    this.allowedCalls = Set.copyOf(allowedCalls);
    this.forbiddenName = forbiddenName;
  }

  /** Whether the text is evaluated as an expression at all (else the engine takes it as literal text). */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the expression is refused, in Vietnamese; empty when it is allowed. */
  Optional<String> problem(String expression) {
    try {
      return problem(PARSER.build(expression).getRoot());
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return Optional.of("biểu thức không đọc được");
    }
  }

  /** The parser's canonical form of a node: {@code a.b(c)} for {@code a . b ( c )}. */
  static String canonical(Node node) {
    StringBuilder text = new StringBuilder();
    ((AstNode) node).appendStructure(text, null);
    return text.toString();
  }

  /** The name of the identifier an expression consists of ({@code ${name}}), if that is all it is. */
  static Optional<String> plainName(String expression) {
    try {
      Node root = PARSER.build(expression).getRoot();
      if (root instanceof AstEval eval && !eval.isDeferred() && eval.getChild(0) instanceof AstIdentifier name) {
        return Optional.of(name.getName());
      }
    } catch (TreeBuilderException | IllegalArgumentException e) {
      // not a plain name then
    }
    return Optional.empty();
  }

  private Optional<String> problem(Node node) {
    if (node instanceof AstMethod) {
      String call = canonical(node);
      return allowedCalls.contains(call) ? Optional.empty() : Optional.of("gọi phương thức (" + call + ")");
    }
    if (node instanceof AstFunction) {
      return Optional.of("gọi hàm (" + canonical(node) + ")");
    }
    if (node instanceof AstDot || node instanceof AstBracket) {
      return Optional.of("đọc thuộc tính của đối tượng (" + canonical(node) + ")");
    }
    if (node instanceof AstEval eval && eval.isDeferred()) {
      return Optional.of("biểu thức dạng #{…}");
    }
    if (node instanceof AstIdentifier name
        && (ENGINE_OBJECTS.contains(name.getName()) || forbiddenName.test(name.getName()))) {
      return Optional.of("đọc đối tượng của hệ thống (" + name.getName() + ")");
    }
    if (!PLAIN_NODES.contains(node.getClass())) {
      return Optional.of("cú pháp không được phép");
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> problem = problem(node.getChild(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }
}
