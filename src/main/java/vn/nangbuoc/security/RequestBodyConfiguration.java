package vn.nangbuoc.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@link RequestBodyLimit} on the engine's REST API, the webapps' API and the product's JSON API;
 * first of all filters, so that no login or reader sees a body over its limit. The product's upload
 * pages (/ho-so/nhap, /ho-so/{id}/tai-lieu) are not under these paths and keep their own limits.
 */
@Configuration
@EnableConfigurationProperties(RequestBodySettings.class)
class RequestBodyConfiguration {

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(RequestBodySettings settings) {
    FilterRegistrationBean<RequestBodyLimit> registration =
        new FilterRegistrationBean<>(new RequestBodyLimit(settings));
    registration.setName("request-body-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
