package oidctest;

import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A local OpenID Connect provider (Spring Authorization Server) for the OIDC login test, standing
 * in for the State's agent identity provider. Outside the application's packages so that the
 * application never scans it. Users log in with their e-mail as user name; the ID token carries an
 * {@code email} claim.
 */
@Configuration
@EnableAutoConfiguration
public class LocalAuthorizationServer {
  public static final String CLIENT_ID = "quartiers-productifs";
  public static final String CLIENT_SECRET = "secret-de-test-" + UUID.randomUUID();
  public static final String PASSWORD = "mot-de-passe-idp";

  static volatile int appPort;

  /** Starts the provider on a random port of localhost; the client redirects to the app port. */
  public static ConfigurableApplicationContext start(int applicationPort) {
    appPort = applicationPort;
    return new SpringApplicationBuilder(LocalAuthorizationServer.class)
        .web(WebApplicationType.SERVLET)
        // Command-line arguments: they win over the application.yml found on the class path.
        .run(
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--spring.flyway.enabled=false",
            "--spring.datasource.url=jdbc:h2:mem:idp-" + UUID.randomUUID(),
            "--springdoc.api-docs.enabled=false",
            "--springdoc.swagger-ui.enabled=false",
            "--qp.auto-import=false",
            "--logging.level.root=WARN");
  }

  @Bean
  RegisteredClientRepository clients() {
    return new InMemoryRegisteredClientRepository(
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(CLIENT_ID)
            .clientSecret("{noop}" + CLIENT_SECRET)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1:" + appPort + "/login/oauth2/code/etat")
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.EMAIL)
            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
            .build());
  }

  @Bean
  UserDetailsService idpUsers() {
    return new InMemoryUserDetailsManager(
        User.withUsername("chef.oidc@test.quartiers-productifs.fr").password("{noop}" + PASSWORD).roles("USER").build(),
        User.withUsername("inconnu@test.quartiers-productifs.fr").password("{noop}" + PASSWORD).roles("USER").build());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> emailClaim() {
    return context -> {
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        context.getClaims().claim("email", context.getPrincipal().getName());
      }
    };
  }
}
