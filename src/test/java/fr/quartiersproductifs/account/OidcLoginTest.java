package fr.quartiersproductifs.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.support.DatabaseTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oidctest.LocalAuthorizationServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect login against a local authorization server started by the test: the identity is
 * mapped through its e-mail claim to the local account and its role; an unknown identity is
 * refused. This context also runs with {@code qp.demo=true} (demonstration programme).
 */
@DatabaseTest
class OidcLoginTest {
  private static ConfigurableApplicationContext idp;
  private static int appPort;

  @LocalServerPort int port;
  @Autowired UserAccountService accounts;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      appPort = socket.getLocalPort();
    }
    idp = LocalAuthorizationServer.start(appPort);
    String issuer = "http://localhost:" + idp.getEnvironment().getProperty("local.server.port");
    registry.add("server.port", () -> appPort);
    registry.add("spring.security.oauth2.client.registration.etat.client-id", () -> LocalAuthorizationServer.CLIENT_ID);
    registry.add("spring.security.oauth2.client.registration.etat.client-secret", () -> LocalAuthorizationServer.CLIENT_SECRET);
    registry.add("spring.security.oauth2.client.registration.etat.scope", () -> "openid,email");
    registry.add("spring.security.oauth2.client.provider.etat.issuer-uri", () -> issuer);
    registry.add("qp.demo", () -> "true");
  }

  @AfterAll
  static void stop() {
    if (idp != null) {
      idp.close();
    }
  }

  /** A browser: cookies per host, redirects followed by hand. */
  private static final class Browser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient client =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String url) {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", url.contains("/api/") ? "application/json" : "text/html").GET().build());
    }

    /** Follows redirects until a non-redirect answer, or until the next URL starts with stopAt. */
    HttpResponse<String> follow(HttpResponse<String> r, String stopAt) {
      for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
        String next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString();
        if (stopAt != null && next.startsWith(stopAt)) {
          return r;
        }
        r = get(next);
      }
      return r;
    }

    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }
  }

  private Browser login(String email) {
    Browser b = new Browser();
    String app = "http://127.0.0.1:" + port;
    HttpResponse<String> page = b.follow(b.get(app + "/oauth2/authorization/etat"), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().toString()).contains("/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as("CSRF field of the provider's login page").isTrue();
    String form =
        "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(LocalAuthorizationServer.PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> posted =
        b.send(HttpRequest.newBuilder(page.uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
    // Back through /oauth2/authorize to the application's callback, which ends the login.
    b.follow(posted, null);
    return b;
  }

  @Test
  void an_identity_with_a_local_account_logs_in_with_its_role_and_territories() {
    assertThat(port).isEqualTo(appPort);
    if (accounts.find("chef.oidc@test.quartiers-productifs.fr").isEmpty()) {
      accounts.create(Actor.system("test"), "chef.oidc@test.quartiers-productifs.fr", Role.CHEF_DE_PROJET, Set.of("ROUBAIX"), null);
    }
    Browser b = login("chef.oidc@test.quartiers-productifs.fr");
    HttpResponse<String> me = b.get("http://127.0.0.1:" + port + "/api/v1/moi");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"name\":\"chef.oidc@test.quartiers-productifs.fr\"", "\"role\":\"CHEF_DE_PROJET\"", "ROUBAIX");

    // A session-authenticated write needs the CSRF token (cookie XSRF-TOKEN sent back as header).
    String url = "http://127.0.0.1:" + port + "/api/v1/territoires/ROUBAIX/actions";
    String body = "{\"titre\":\"Action OIDC\",\"axe\":\"ENTREPRENEURIAT\"}";
    HttpResponse<String> withoutToken =
        b.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    String token = b.cookie("XSRF-TOKEN");
    assertThat(token).isNotNull();
    HttpResponse<String> withToken =
        b.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(withToken.statusCode()).isEqualTo(201);
  }

  @Test
  void an_identity_without_local_account_is_refused() {
    Browser b = login("inconnu@test.quartiers-productifs.fr");
    assertThat(b.get("http://127.0.0.1:" + port + "/api/v1/moi").statusCode()).isEqualTo(401);
  }

  @Test
  void the_demo_programme_is_loaded_and_marked_fictional_everywhere() {
    HttpResponse<String> open = new Browser().get("http://127.0.0.1:" + port + "/api/v1/consolidation/donnees-ouvertes");
    assertThat(open.statusCode()).isEqualTo(200);
    String[] lines = open.body().split("\r?\n");
    long fictional = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].contains("[FICTIF]")) {
        assertThat(lines[i]).startsWith("oui,");
        fictional++;
      }
    }
    assertThat(fictional).isEqualTo(6);
  }
}
