package fr.quartiersproductifs.web;

import fr.quartiersproductifs.account.security.OidcAccountMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP security (ADR 0022).
 *
 * <ul>
 *   <li>Open data (reference geography, QPV eligibility, geocoding, search, health, OpenAPI) is
 *       readable anonymously, and the open computations (batch QPV location and search CSV) can be
 *       posted anonymously.
 *   <li>Programme data (actions, funding, indicator values, consolidation, audit, accounts) needs
 *       an authenticated account; every other write needs one too (401 otherwise). Roles and
 *       territories are checked by the services ({@code Actor}), which answer 403.
 *   <li>The API accepts HTTP Basic for scripts and keeps no session for it; a browser session
 *       (OpenID Connect login) may call the API too, but then CSRF protection applies (token from
 *       the {@code XSRF-TOKEN} cookie sent back in {@code X-XSRF-TOKEN}). HTML forms always need it.
 *   <li>OpenID Connect login is enabled when a client registration is configured ({@code
 *       spring.security.oauth2.client.registration.*}), see {@code docs/programme.md}.
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfig {

  /** Programme reads that need an account, although they are GET requests under open prefixes. */
  static final String[] PROTECTED_READS = {
    "/api/v1/territoires/*/actions/**",
    "/api/v1/territoires/*/plan.xlsx",
    "/api/v1/territoires/*/indicateurs/**",
    "/api/v1/territoires/*/audit",
    "/api/v1/actions/**",
    "/api/v1/financements/**",
    "/api/v1/audit/**",
    "/api/v1/consolidation/**",
    "/api/v1/programme/**",
    "/api/v1/utilisateurs/**",
    "/api/v1/moi"
  };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> oidcClients,
      OidcAccountMapper oidcAccountMapper,
      @Value("${qp.securite.calculs-ouverts:/api/v1/qpv/localisation/csv,/search/csv,/search/csv/}")
          List<String> openComputations)
      throws Exception {
    RequestMatcher api = path(null, "/api/**");
    RequestMatcher open = or(HttpMethod.POST, openComputations.toArray(String[]::new));
    AuthenticationEntryPoint apiEntryPoint = SecurityConfig::unauthorized;
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    requestCache.setRequestMatcher(request -> !api.matches(request));

    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(open)
                    .permitAll()
                    .requestMatchers(path(HttpMethod.GET, "/api/v1/consolidation/donnees-ouvertes"))
                    .permitAll()
                    .requestMatchers(or(HttpMethod.GET, PROTECTED_READS))
                    .authenticated()
                    .requestMatchers(or(HttpMethod.HEAD, PROTECTED_READS))
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.OPTIONS, "/**")
                    .permitAll()
                    .requestMatchers("/login/**", "/oauth2/**", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .csrf(
            csrf ->
                csrf.spa()
                    .ignoringRequestMatchers(
                        open,
                        path(null, "/search/**"),
                        // Script calls (no session cookie) cannot be forged by another site.
                        request -> api.matches(request) && request.getRequestedSessionId() == null))
        .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
        .requestCache(cache -> cache.requestCache(requestCache))
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(apiEntryPoint, api))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; frame-ancestors 'none'")));
    if (oidcClients.getIfAvailable() != null) {
      http.oauth2Login(
          login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccountMapper)));
      http.logout(logout -> logout.logoutSuccessUrl("/"));
    }
    return http.build();
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static RequestMatcher or(HttpMethod method, String... patterns) {
    return new OrRequestMatcher(
        java.util.Arrays.stream(patterns).map(p -> path(method, p)).toList());
  }

  /** 401 as application/problem+json, with the Basic challenge for scripts. */
  private static void unauthorized(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e)
      throws java.io.IOException {
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Quartiers productifs\", charset=\"UTF-8\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    byte[] body =
        ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Authentification requise (compte local en HTTP Basic ou connexion OpenID Connect).\","
                + "\"code\":\"UNAUTHENTICATED\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.getOutputStream().write(body);
  }
}
