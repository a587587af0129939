package vn.nangbuoc.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of server-rendered pages: a request it refuses is answered with the error page and a
 * Vietnamese sentence ({@link PageRefusals}), where the API's controllers answer JSON ({@link ApiErrors}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
