package vn.nangbuoc.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.nangbuoc.input.ErrorAnswers;

/**
 * Nobody reaches the engine or the application's API anonymously.
 *
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's identity service (Spring Security).</li>
 *   <li>{@code /engine-rest/**}: Camunda's own authentication filter, HTTP Basic; it also tells
 *       the engine who is acting, which the pathway's rules (four eyes) rely on.</li>
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin) and the product's pages: one session, one login at
 *       {@code /dang-nhap}, one logout. The webapps take the signed-in user from Spring Security
 *       (Camunda's container-based authentication) and keep their own CSRF filter.</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String[] PAGES = {"/trang-chu", "/ho-so", "/ho-so/**", "/quy", "/quy/**", "/quan-tri/**",
      "/dang-nhap", "/dang-xuat", "/trang/**", "/thu", "/bao-cao", "/bao-cao/**", "/bao-cao.xlsx", "/bao-cao.csv",
      "/bao-cao-dinh-ky", "/bao-cao-dinh-ky/**"};
  static final String LOGIN_PAGE = "/dang-nhap";
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
            .requestMatchers(LOGIN_PAGE, "/trang/css/**").permitAll()
            .anyRequest().authenticated())
        // back to the page (or webapp, see webapps()) that asked for the login, else the home page
        .formLogin(login -> login.loginPage(LOGIN_PAGE).successHandler(LoginRedirects.success("/trang-chu"))
            .failureHandler(LoginRedirects.failure(LOGIN_PAGE)))
        .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/dang-nhap?da-dang-xuat"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP)))
        .addFilterAfter(new EngineAuthenticationBridge(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * Tasklist, Cockpit and Admin: signed in by the product's login (the same session), so that a link from a
   * case page or a mail opens the task without a second login form. A webapp's page asked for without a
   * login leads to {@code /dang-nhap} and back; its API answers 401. The webapps' own login endpoint
   * logs nobody in (a second way in would need its own throttle), and their logout ends the one session.
   * Their requests are guarded by their own CSRF filter (X-XSRF-TOKEN), which comes after this chain.
   */
  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**");
    HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
    pagesOnly.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/camunda/app/**"));
    // a path matcher of the whole path: a pattern string would be matched by Spring MVC within the servlet that
    // serves the request, and the webapps' APIs are Jersey servlets of their own (/camunda/api/admin/* ...)
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(WebappLogout.WEBAPP_LOGIN).denyAll()
            .anyRequest().authenticated())
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                AnyRequestMatcher.INSTANCE))
        .requestCache(cache -> cache.requestCache(pagesOnly))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new WebappLogout(), AuthorizationFilter.class)
        .build();
  }

  /**
   * Fills the webapps' authentication (user, groups from the identity service, the apps they may open) from
   * the user Spring Security signed in; after Spring Security's filters, before the webapps' own.
   */
  @Bean
  FilterRegistrationBean<WebappAuthentication> webappAuthentication() {
    FilterRegistrationBean<WebappAuthentication> registration =
        new FilterRegistrationBean<>(new WebappAuthentication());
    registration.setName("webapp-container-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  @Order(4)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    // Closed unless named here: a page left out of PAGES is refused to everyone, not served to anyone. The
    // engine REST API authenticates with its own filter (see class comment); health is the balancer's; "/"
    // leads to the home page, which asks for the login; /error renders the refusals of the other chains.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return http.authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher("/engine-rest/**"), paths.matcher("/actuator/health"),
                paths.matcher("/actuator/health/**"), paths.matcher("/actuator/info"), paths.matcher("/error"),
                paths.matcher(HttpMethod.GET, "/")).permitAll()
            .anyRequest().denyAll())
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
}
