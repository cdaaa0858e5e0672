package fr.quartiersproductifs.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The role matrix over real HTTP: who may read and write what. */
class RoleMatrixTest extends ProgrammeHttpTestBase {

  @Test
  void chef_de_projet_writes_in_their_territory_only() {
    var created = send("POST", "/api/v1/territoires/AMP/actions", CHEF_AMP, action("Boutique test", "COMMERCE_ARTISANAT"));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = parse(created);
    assertThat(body.get("id").asLong()).isPositive();
    assertThat(body.get("version").asLong()).isEqualTo(1);
    assertThat(body.get("statut").asString()).isEqualTo("EN_PROJET");

    var refused = send("POST", "/api/v1/territoires/TOULOUSE/actions", CHEF_AMP, action("Hors territoire", "ENTREPRENEURIAT"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(parse(refused).get("code").asString()).isEqualTo("FORBIDDEN");

    // A chef de projet reads everything, including other territories.
    assertThat(send("GET", "/api/v1/territoires/TOULOUSE/actions", CHEF_AMP, null).statusCode()).isEqualTo(200);
    // ... but cannot update an action of another territory.
    long id = body.get("id").asLong();
    var foreignUpdate = send("PUT", "/api/v1/actions/" + id, CHEF_TOULOUSE,
        "{\"titre\":\"Pris\",\"axe\":\"ENTREPRENEURIAT\",\"version\":1}");
    assertThat(foreignUpdate.statusCode()).isEqualTo(403);
  }

  @Test
  void partner_reads_their_territory_and_writes_nothing() {
    assertThat(send("GET", "/api/v1/territoires/AMP/actions", PARTNER_AMP, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/territoires/TOULOUSE/actions", PARTNER_AMP, null).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/v1/territoires/AMP/actions", PARTNER_AMP, action("Partenaire", "ENTREPRENEURIAT")).statusCode())
        .isEqualTo(403);
    assertThat(send("PUT", "/api/v1/territoires/AMP/indicateurs/PORTEURS_ACCOMPAGNES/valeurs/2025", PARTNER_AMP,
        "{\"valeur\":3}").statusCode()).isEqualTo(403);
  }

  @Test
  void anonymous_writes_get_401_and_open_data_stays_open() {
    var write = send("POST", "/api/v1/territoires/AMP/actions", null, action("Anonyme", "ENTREPRENEURIAT"));
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(write.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(send("PUT", "/api/v1/actions/1", null, "{\"titre\":\"x\",\"axe\":\"ENTREPRENEURIAT\",\"version\":1}").statusCode())
        .isEqualTo(401);
    assertThat(send("DELETE", "/api/v1/actions/1?version=1", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/territoires/AMP/actions", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/consolidation", null, null).statusCode()).isEqualTo(401);
    // Wrong password: 401 too.
    var bad = http().send(http().request("/api/v1/moi").header("Authorization",
        fr.quartiersproductifs.support.Http.basic(ADMIN, "pas-le-bon-mot-de-passe")).GET().build());
    assertThat(bad.statusCode()).isEqualTo(401);

    assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v3/api-docs", null, null).body()).contains("/api/v1/territoires/{id}/actions");
    assertThat(send("GET", "/api/v1/consolidation/donnees-ouvertes", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/indicateurs", null, null).statusCode()).isEqualTo(200);
    // Open computations may be posted anonymously (whatever the endpoint answers, it is not 401/403).
    var open = http().post("/api/v1/qpv/localisation/csv", "text/csv", "x,y\n".getBytes());
    assertThat(open.statusCode()).isNotIn(401, 403);
  }

  @Test
  void national_admin_does_everything() {
    var created = send("POST", "/api/v1/territoires/TOULOUSE/actions", ADMIN, action("Atelier", "ACTIVITES_PRODUCTIVES"));
    assertThat(created.statusCode()).isEqualTo(201);
    long id = parse(created).get("id").asLong();
    var funding = send("POST", "/api/v1/actions/" + id + "/financements", ADMIN,
        "{\"financeur\":\"ETAT_ANCT\",\"annee\":2025,\"prevu\":1000.50,\"engage\":1200,\"verse\":100.25}");
    assertThat(funding.statusCode()).isEqualTo(201);
    assertThat(parse(funding).get("alerteEngagement").asBoolean()).isTrue();
    assertThat(parse(funding).get("prevu").decimalValue()).isEqualByComparingTo("1000.50");
    var paidAboveCommitted = send("POST", "/api/v1/actions/" + id + "/financements", ADMIN,
        "{\"financeur\":\"ETAT_ANCT\",\"annee\":2025,\"prevu\":10,\"engage\":10,\"verse\":10.01}");
    assertThat(paidAboveCommitted.statusCode()).isEqualTo(400);
    var moved = send("PUT", "/api/v1/actions/" + id, ADMIN,
        "{\"titre\":\"Atelier\",\"axe\":\"ACTIVITES_PRODUCTIVES\",\"statut\":\"TERMINEE\",\"version\":1}");
    assertThat(moved.statusCode()).isEqualTo(409);
    assertThat(parse(moved).get("detail").asString()).contains("EN_PROJET → TERMINEE");
    assertThat(send("PUT", "/api/v1/territoires/TOULOUSE/indicateurs/PORTEURS_ACCOMPAGNES/valeurs/2025", ADMIN,
        "{\"valeur\":12,\"source\":\"CitésLab\"}").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/v1/programme/territoires", ADMIN,
        "{\"id\":\"PLAINE_COMMUNE\",\"libelle\":\"EPT Plaine Commune\",\"siren\":\"200057867\"}").statusCode()).isEqualTo(201);
    assertThat(send("POST", "/api/v1/programme/territoires", CHEF_AMP,
        "{\"id\":\"AUTRE\",\"libelle\":\"Autre\",\"communes\":[\"75056\"]}").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/v1/consolidation?format=xlsx", ADMIN, null).statusCode()).isEqualTo(200);
    // The scheme referential: kept by the national team, enforced on actions.
    var unknownScheme = send("POST", "/api/v1/territoires/TOULOUSE/actions", ADMIN,
        "{\"titre\":\"X\",\"axe\":\"ENTREPRENEURIAT\",\"dispositifs\":[\"DISPOSITIF_MATRICE\"]}");
    assertThat(unknownScheme.statusCode()).isEqualTo(400);
    assertThat(parse(unknownScheme).get("detail").asString()).contains("DISPOSITIF_MATRICE");
    String scheme = "{\"code\":\"DISPOSITIF_MATRICE\",\"libelle\":\"Dispositif de test\",\"operateur\":\"Région\"}";
    assertThat(send("POST", "/api/v1/dispositifs", CHEF_AMP, scheme).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/v1/dispositifs", ADMIN, scheme).statusCode()).isEqualTo(201);
    assertThat(send("POST", "/api/v1/territoires/TOULOUSE/actions", ADMIN,
        "{\"titre\":\"X\",\"axe\":\"ENTREPRENEURIAT\",\"dispositifs\":[\"DISPOSITIF_MATRICE\"]}").statusCode()).isEqualTo(201);
    assertThat(send("DELETE", "/api/v1/actions/" + id + "?version=1", ADMIN, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/v1/actions/" + id, ADMIN, null).statusCode()).isEqualTo(404);
  }
}
