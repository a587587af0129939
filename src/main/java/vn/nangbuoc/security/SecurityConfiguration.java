package vn.nangbuoc.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.nangbuoc.input.ErrorAnswers;

/**
 * Nobody reaches the engine or the application's API anonymously.
 *
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's identity service (Spring Security).</li>
 *   <li>{@code /engine-rest/**}: Camunda's own authentication filter, HTTP Basic; it also tells
 *       the engine who is acting, which the pathway's rules (four eyes) rely on.</li>
 *   <li>{@code /camunda/**}: the webapps' own session login and CSRF filter.</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String[] PAGES = {"/trang-chu", "/ho-so", "/ho-so/**", "/quy", "/quy/**", "/quan-tri/**",
      "/dang-nhap", "/dang-xuat", "/trang/**"};
  static final String PAGES_CSP = "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none';"
      + " form-action 'self'; base-uri 'self'";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
      IdentityService identityService) throws Exception {
    return http.securityMatcher("/api/**")
        .authenticationProvider(identity)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          if (ErrorAnswers.databaseAway(e)) {
            RefusedLogin.databaseAway(response);
            return;
          }
          response.setHeader("WWW-Authenticate", "Basic realm=\"nang-buoc\"");
          // a refused password says why (wait, lock) in the provider's words; no credentials, what to send
          RefusedLogin.write(response,
              e instanceof BadCredentialsException ? e.getMessage() : RefusedLogin.NO_CREDENTIALS);
        }))
        // JSON only: nothing in an answer may run, load or be framed
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP)))
        // Stateless Basic authentication: no session, so no cookie a forged request could ride on.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationBridge(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * The application's own pages (case files, fund books): a session login against the same
   * identity service, CSRF protection on every form, a strict content security policy.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
      IdentityService identityService) throws Exception {
    return http.securityMatcher(PAGES)
        .authenticationProvider(identity)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/dang-nhap", "/trang/css/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(login -> login.loginPage("/dang-nhap").defaultSuccessUrl("/trang-chu", false)
            .failureUrl("/dang-nhap?loi"))
        .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/dang-nhap?da-dang-xuat"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP)))
        .addFilterAfter(new EngineAuthenticationBridge(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    // The webapps and the engine REST API authenticate with their own filters (see class comment);
    // Spring Security adds its security headers here.
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  FilterRegistrationBean<ReferrerPolicyFilter> referrerPolicy() {
    FilterRegistrationBean<ReferrerPolicyFilter> registration =
        new FilterRegistrationBean<>(new ReferrerPolicyFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** Before the authentication filter above, so that its 401s carry the headers and a reason too. */
  @Bean
  FilterRegistrationBean<EngineRestAnswers> engineRestAnswers(LoginThrottle throttle) {
    FilterRegistrationBean<EngineRestAnswers> registration =
        new FilterRegistrationBean<>(new EngineRestAnswers(throttle));
    registration.setName("engine-rest-answers");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 99);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginAnswers> webappLoginAnswers(LoginThrottle throttle) {
    FilterRegistrationBean<WebappLoginAnswers> registration =
        new FilterRegistrationBean<>(new WebappLoginAnswers(throttle));
    registration.setName("webapp-login-answers");
    registration.addUrlPatterns(WebappLoginAnswers.LOGIN + "*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 99);
    return registration;
  }
}
