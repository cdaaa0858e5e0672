package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.Role;
import fr.quartiersproductifs.account.UserAccountService;
import fr.quartiersproductifs.support.DatabaseTest;
import fr.quartiersproductifs.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Shared base of the programme's database tests: the same annotations everywhere, so that every
 * test class reuses one Spring context. Accounts are created once per context.
 */
@DatabaseTest
abstract class ProgrammeHttpTestBase {
  static final String PASSWORD = "mot-de-passe-de-test-1";
  static final String ADMIN = "admin@test.quartiers-productifs.fr";
  static final String CHEF_AMP = "chef.amp@test.quartiers-productifs.fr";
  static final String CHEF_TOULOUSE = "chef.toulouse@test.quartiers-productifs.fr";
  static final String PARTNER_AMP = "partenaire.amp@test.quartiers-productifs.fr";

  @LocalServerPort int port;
  @Autowired UserAccountService accounts;
  @Autowired ObjectMapper json;

  Http http() {
    ensureAccounts();
    return new Http(port);
  }

  private void ensureAccounts() {
    synchronized (ProgrammeHttpTestBase.class) {
      if (accounts.find(ADMIN).isEmpty()) {
        Actor system = Actor.system("test");
        accounts.create(system, ADMIN, Role.ADMIN_NATIONAL, Set.of(), PASSWORD);
        accounts.create(system, CHEF_AMP, Role.CHEF_DE_PROJET, Set.of("AMP"), PASSWORD);
        accounts.create(system, CHEF_TOULOUSE, Role.CHEF_DE_PROJET, Set.of("TOULOUSE"), PASSWORD);
        accounts.create(system, PARTNER_AMP, Role.PARTENAIRE, Set.of("AMP"), PASSWORD);
      }
    }
  }

  HttpResponse<String> send(String method, String path, String user, String jsonBody) {
    HttpRequest.Builder b = http().request(path);
    if (user != null) {
      b.header("Authorization", Http.basic(user, PASSWORD));
    }
    if (jsonBody != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http().send(b.build());
  }

  JsonNode parse(HttpResponse<String> r) {
    return json.readTree(r.body());
  }

  static String action(String title, String axis) {
    return "{\"titre\":\"" + title + "\",\"axe\":\"" + axis + "\",\"porteur\":\"Porteur\","
        + "\"partenaires\":[\"CitésLab\"],\"dispositifs\":[\"CITESLAB\"]}";
  }
}
