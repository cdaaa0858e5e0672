package fr.quartiersproductifs.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** No lost update (optimistic locking) and the audit trail of every change. */
class ConcurrencyAndAuditTest extends ProgrammeHttpTestBase {

  @Test
  void two_concurrent_updates_with_the_same_version_one_wins_one_gets_409() throws Exception {
    var created = send("POST", "/api/v1/territoires/AMP/actions", CHEF_AMP, action("Concurrence", "ENTREPRENEURIAT"));
    long id = parse(created).get("id").asLong();
    String[] titles = {"Titre de Alice", "Titre de Bob"};
    String[] users = {CHEF_AMP, ADMIN};
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int k = i;
      futures.add(pool.submit(() -> {
        start.await();
        return send("PUT", "/api/v1/actions/" + id, users[k],
            "{\"titre\":\"" + titles[k] + "\",\"axe\":\"ENTREPRENEURIAT\",\"version\":1}");
      }));
    }
    start.countDown();
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (var f : futures) {
      responses.add(f.get());
    }
    pool.shutdown();
    List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
    assertThat(statuses).containsExactly(200, 409);
    HttpResponse<String> winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
    String winningTitle = parse(winner).get("titre").asString();
    // The 409 carries the current state: the winner's write, version 2.
    JsonNode current = parse(loser).get("courant");
    assertThat(current.get("titre").asString()).isEqualTo(winningTitle);
    assertThat(current.get("version").asLong()).isEqualTo(2);
    // Nothing lost: the stored action is the winner's.
    JsonNode stored = parse(send("GET", "/api/v1/actions/" + id, ADMIN, null));
    assertThat(stored.get("titre").asString()).isEqualTo(winningTitle);
    assertThat(stored.get("version").asLong()).isEqualTo(2);

    // Audit: the creation and exactly one modification, each with its author.
    JsonNode audit = parse(send("GET", "/api/v1/audit?entite=action&id=" + id, ADMIN, null));
    assertThat(audit.size()).isEqualTo(2);
    assertThat(audit.get(0).get("operation").asString()).isEqualTo("CREATION");
    assertThat(audit.get(0).get("auteur").asString()).isEqualTo(CHEF_AMP);
    assertThat(audit.get(1).get("operation").asString()).isEqualTo("MODIFICATION");
    String winnerUser = winningTitle.equals(titles[0]) ? users[0] : users[1];
    assertThat(audit.get(1).get("auteur").asString()).isEqualTo(winnerUser);
    assertThat(audit.get(1).get("avant").asString()).contains("\"titre\":\"Concurrence\"");
    assertThat(audit.get(1).get("apres").asString()).contains("\"titre\":\"" + winningTitle + "\"");
  }

  @Test
  void every_change_appears_once_in_the_audit_trail_with_its_author() {
    long id = parse(send("POST", "/api/v1/territoires/AMP/actions", CHEF_AMP, action("Audit", "TRANSITION_NUMERIQUE"))).get("id").asLong();
    assertThat(send("PUT", "/api/v1/actions/" + id, CHEF_AMP,
        "{\"titre\":\"Audit\",\"axe\":\"TRANSITION_NUMERIQUE\",\"statut\":\"ENGAGEE\",\"porteur\":\"Porteur\",\"partenaires\":[\"CitésLab\"],\"dispositifs\":[\"CITESLAB\"],\"version\":1}").statusCode()).isEqualTo(200);
    // An update that changes nothing is not a change: no new version, no audit line.
    var same = send("PUT", "/api/v1/actions/" + id, CHEF_AMP,
        "{\"titre\":\"Audit\",\"axe\":\"TRANSITION_NUMERIQUE\",\"statut\":\"ENGAGEE\",\"porteur\":\"Porteur\",\"partenaires\":[\"CitésLab\"],\"dispositifs\":[\"CITESLAB\"],\"version\":2}");
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(parse(same).get("version").asLong()).isEqualTo(2);
    // A stale write is refused and not audited.
    assertThat(send("PUT", "/api/v1/actions/" + id, ADMIN,
        "{\"titre\":\"Périmé\",\"axe\":\"TRANSITION_NUMERIQUE\",\"version\":1}").statusCode()).isEqualTo(409);
    var funding = parse(send("POST", "/api/v1/actions/" + id + "/financements", ADMIN,
        "{\"financeur\":\"BPIFRANCE\",\"annee\":2025,\"prevu\":500,\"engage\":0,\"verse\":0}"));
    long fid = funding.get("id").asLong();
    assertThat(send("PUT", "/api/v1/financements/" + fid, CHEF_AMP,
        "{\"financeur\":\"BPIFRANCE\",\"annee\":2025,\"prevu\":500,\"engage\":250,\"verse\":0,\"version\":1}").statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/api/v1/territoires/AMP/indicateurs/EMPLOIS_CREES/valeurs/2024", CHEF_AMP,
        "{\"valeur\":4,\"source\":\"Déclaration\"}").statusCode()).isEqualTo(200);
    var corrected = send("PUT", "/api/v1/territoires/AMP/indicateurs/EMPLOIS_CREES/valeurs/2024", ADMIN,
        "{\"valeur\":5,\"source\":\"Déclaration corrigée\",\"commentaire\":\"erreur de saisie\",\"version\":1}");
    assertThat(corrected.statusCode()).isEqualTo(200);
    long valueId = parse(corrected).get("id").asLong();

    JsonNode actionAudit = parse(send("GET", "/api/v1/audit?entite=action&id=" + id, ADMIN, null));
    assertThat(actionAudit.size()).isEqualTo(2);
    assertThat(actionAudit.get(1).get("auteur").asString()).isEqualTo(CHEF_AMP);
    JsonNode fundingAudit = parse(send("GET", "/api/v1/audit?entite=financement&id=" + fid, ADMIN, null));
    assertThat(fundingAudit.size()).isEqualTo(2);
    assertThat(fundingAudit.get(0).get("auteur").asString()).isEqualTo(ADMIN);
    assertThat(fundingAudit.get(1).get("auteur").asString()).isEqualTo(CHEF_AMP);
    JsonNode valueAudit = parse(send("GET", "/api/v1/audit?entite=valeur_indicateur&id=" + valueId, ADMIN, null));
    assertThat(valueAudit.size()).isEqualTo(2);
    assertThat(valueAudit.get(1).get("auteur").asString()).isEqualTo(ADMIN);

    // Correction history: newest first, with provenance.
    JsonNode history = parse(send("GET", "/api/v1/territoires/AMP/indicateurs/EMPLOIS_CREES/valeurs/2024/historique", PARTNER_AMP, null));
    assertThat(history.size()).isEqualTo(2);
    assertThat(history.get(0).get("valeur").decimalValue()).isEqualByComparingTo("5");
    assertThat(history.get(0).get("saisiPar").asString()).isEqualTo(ADMIN);
    assertThat(history.get(1).get("valeur").decimalValue()).isEqualByComparingTo("4");
    assertThat(history.get(1).get("saisiPar").asString()).isEqualTo(CHEF_AMP);

    // Per territory: the partner of AMP reads it, not the Toulouse one.
    JsonNode territoryAudit = parse(send("GET", "/api/v1/territoires/AMP/audit", PARTNER_AMP, null));
    assertThat(territoryAudit.size()).isGreaterThanOrEqualTo(6);
    assertThat(send("GET", "/api/v1/territoires/TOULOUSE/audit", PARTNER_AMP, null).statusCode()).isEqualTo(403);
    // The trail cannot be edited through the API.
    assertThat(send("DELETE", "/api/v1/audit?entite=action&id=" + id, ADMIN, null).statusCode()).isIn(404, 405);
  }
}
