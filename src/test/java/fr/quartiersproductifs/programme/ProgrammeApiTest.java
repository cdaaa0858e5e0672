package fr.quartiersproductifs.programme;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.quartiersproductifs.support.SharedData;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Territories from the reference data, targeted QPV, consolidation exports over HTTP. */
class ProgrammeApiTest extends ProgrammeHttpTestBase {

  /** QPV 2024 of a commune, read independently from the two reference files. */
  private Set<String> qpvOfCommune(String commune) throws Exception {
    Set<String> codes = new TreeSet<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(SharedData.file("reference/qpv/qpv2024_communes_indicateurs.csv"))) {
      for (NamedCsvRecord r : csv) {
        String cog = "00000" + r.getField("COG").trim();
        if (cog.substring(cog.length() - 5).equals(commune)) {
          codes.add(r.getField("codeQPV").trim());
        }
      }
    }
    JsonNode geo = json.readTree(SharedData.file("reference/qpv/qpv2024_contours_simplifies.geojson").toFile());
    for (JsonNode f : geo.get("features")) {
      if (commune.equals(f.get("properties").get("insee_com").asString())) {
        codes.add(f.get("properties").get("code_qp").asString());
      }
    }
    return codes;
  }

  @Test
  void the_14_pilot_territories_come_from_the_reference_data_with_their_qpv() throws Exception {
    JsonNode territories = parse(send("GET", "/api/v1/programme/territoires", CHEF_AMP, null));
    List<String> pilots = new ArrayList<>();
    territories.forEach(t -> { if (t.get("pilote").asBoolean()) pilots.add(t.get("id").asString()); });
    List<String> expected = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(
        SharedData.file("reference/territoires/territoires_quartiers_productifs_2021.csv"))) {
      csv.forEach(r -> expected.add(r.getField("territoire_id")));
    }
    assertThat(pilots).containsExactlyInAnyOrderElementsOf(expected).hasSize(14);

    JsonNode roubaix = parse(send("GET", "/api/v1/programme/territoires/ROUBAIX", CHEF_AMP, null));
    assertThat(roubaix.get("communes").get(0).asString()).isEqualTo("59512");
    Set<String> qpv = new TreeSet<>();
    roubaix.get("qpv").forEach(q -> qpv.add(q.asString()));
    assertThat(qpv).isEqualTo(qpvOfCommune("59512")).isNotEmpty();

    // An action may target QPV of its territory, not others.
    String inside = qpv.iterator().next();
    var ok = send("POST", "/api/v1/territoires/ROUBAIX/actions", ADMIN,
        "{\"titre\":\"Ciblée\",\"axe\":\"COMMERCE_ARTISANAT\",\"qpv\":[\"" + inside + "\"]}");
    assertThat(ok.statusCode()).isEqualTo(201);
    String outside = qpvOfCommune("31555").iterator().next();
    var refused = send("POST", "/api/v1/territoires/ROUBAIX/actions", ADMIN,
        "{\"titre\":\"Mal ciblée\",\"axe\":\"COMMERCE_ARTISANAT\",\"qpv\":[\"" + outside + "\"]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(parse(refused).get("detail").asString()).contains(outside, "ROUBAIX");
  }

  @Test
  void consolidation_adds_up_and_exports_in_csv_and_xlsx() throws Exception {
    long a = parse(send("POST", "/api/v1/territoires/LAVAL/actions", ADMIN, action("Laval 1", "ENTREPRENEURIAT"))).get("id").asLong();
    long b = parse(send("POST", "/api/v1/territoires/ARRAS/actions", ADMIN, action("Arras 1", "ENTREPRENEURIAT"))).get("id").asLong();
    send("POST", "/api/v1/actions/" + a + "/financements", ADMIN, "{\"financeur\":\"REGION\",\"annee\":2025,\"prevu\":100.10,\"engage\":50,\"verse\":0}");
    send("POST", "/api/v1/actions/" + b + "/financements", ADMIN, "{\"financeur\":\"REGION\",\"annee\":2025,\"prevu\":0.90,\"engage\":0,\"verse\":0}");
    JsonNode c = parse(send("GET", "/api/v1/consolidation", CHEF_AMP, null));
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (JsonNode t : c.get("territoires")) {
      for (JsonNode cell : t.get("budget")) {
        if (cell.get("financeur").asString().equals("REGION") && cell.get("axe").asString().equals("ENTREPRENEURIAT")) {
          sum = sum.add(cell.get("prevu").decimalValue());
        }
      }
    }
    java.math.BigDecimal national = null;
    for (JsonNode cell : c.get("national").get("budget")) {
      if (cell.get("financeur").asString().equals("REGION") && cell.get("axe").asString().equals("ENTREPRENEURIAT")) {
        national = cell.get("prevu").decimalValue();
      }
    }
    assertThat(national).isEqualByComparingTo(sum).isGreaterThanOrEqualTo(new java.math.BigDecimal("101.00"));

    var partner = parse(send("GET", "/api/v1/consolidation", PARTNER_AMP, null));
    assertThat(partner.get("territoires").size()).isEqualTo(1);
    assertThat(partner.get("territoires").get(0).get("territoire").asString()).isEqualTo("AMP");

    String csv = send("GET", "/api/v1/consolidation?format=csv", ADMIN, null).body();
    assertThat(csv).startsWith("fictif,niveau,territoire,rubrique,financeur,axe,statut,indicateur,periode,mesure,valeur");
    assertThat(csv).contains("non,TERRITOIRE,LAVAL,BUDGET,REGION,ENTREPRENEURIAT,,,,prevu,100.10");
    var xlsx = java.net.http.HttpClient.newHttpClient().send(http().request("/api/v1/consolidation?format=xlsx")
        .header("Authorization", fr.quartiersproductifs.support.Http.basic(ADMIN, PASSWORD)).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getSheet("Budget").getLastRowNum()).isPositive();
      assertThat(wb.getSheet("Indicateurs")).isNotNull();
    }
    // Open data: no personal data (no e-mail, no team, no description).
    String open = send("GET", "/api/v1/consolidation/donnees-ouvertes", null, null).body();
    assertThat(open).contains("Laval 1").doesNotContain("@").doesNotContain("Porteur");
  }

  @Test
  void automatic_indicators_are_not_available_without_the_economic_diagnostic() {
    JsonNode indicators = parse(send("GET", "/api/v1/territoires/AMP/indicateurs", PARTNER_AMP, null));
    int automatic = 0;
    for (JsonNode i : indicators) {
      if (i.get("definition").get("automatique").asBoolean()) {
        automatic++;
        assertThat(i.get("etatAutomatique").asString()).isEqualTo("non disponible");
      }
    }
    assertThat(automatic).isEqualTo(3);
    var manual = send("PUT", "/api/v1/territoires/AMP/indicateurs/ETABLISSEMENTS_ACTIFS_QPV/valeurs/2025", ADMIN, "{\"valeur\":1}");
    assertThat(manual.statusCode()).isEqualTo(400);

    // A chef de projet adds an indicator local to its territory, not to another one.
    String local = "{\"code\":\"%s\",\"libelle\":\"Marchés forains\",\"unite\":\"marchés\",\"frequence\":\"TRIMESTRIELLE\","
        + "\"sens\":\"HAUSSE\",\"agregation\":\"SOMME\",\"territoire\":\"%s\"}";
    assertThat(send("POST", "/api/v1/indicateurs", CHEF_AMP, local.formatted("MARCHES_AMP", "AMP")).statusCode()).isEqualTo(201);
    assertThat(send("POST", "/api/v1/indicateurs", CHEF_AMP, local.formatted("MARCHES_TLS", "TOULOUSE")).statusCode()).isEqualTo(403);
    assertThat(send("PUT", "/api/v1/territoires/AMP/indicateurs/MARCHES_AMP/valeurs/2025-T2", CHEF_AMP, "{\"valeur\":3}").statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/api/v1/territoires/AMP/indicateurs/MARCHES_AMP/valeurs/2025", CHEF_AMP, "{\"valeur\":3}").statusCode()).isEqualTo(400);
  }
}
