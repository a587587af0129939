package vn.nangbuoc.benchmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.nangbuoc.PostgresTestDatabase;

/**
 * The benchmarks' context: the application on PostgreSQL as it runs in production, without the
 * tests' process coverage recorder, which hooks into every step the engine takes and would be
 * measured with it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@interface NangBuocBenchmark {
}
