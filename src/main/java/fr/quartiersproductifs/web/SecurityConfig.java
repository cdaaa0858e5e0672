package fr.quartiersproductifs.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * HTTP security. Open data (reference geography, QPV eligibility, geocoding) is readable and
 * computable anonymously; the API is stateless and exempt from CSRF (no cookie session is used for
 * it), the HTML forms are not.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfig {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .ignoringRequestMatchers("/api/**", "/search/**"))
        .httpBasic(Customizer.withDefaults())
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; frame-ancestors 'none'")));
    return http.build();
  }
}
