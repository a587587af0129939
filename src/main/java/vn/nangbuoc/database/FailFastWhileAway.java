package vn.nangbuoc.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every user of the application's data source (engine, repositories, health) fails fast while it is away. */
@Configuration
class FailFastWhileAway {

  @Bean
  static BeanPostProcessor failFastDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource) ? new FailFastDataSource(pool)
            : bean;
      }
    };
  }
}
