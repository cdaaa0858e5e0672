package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.csv.CsvRecordReader;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.support.DatabaseTest;
import fr.quartiersproductifs.support.Http;
import fr.quartiersproductifs.support.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Import of the Montpellier sample as a dataset version, and the API of the national geocoder. */
@DatabaseTest
class GeocodingApiTest {
  @LocalServerPort int port;
  @Autowired AddressImportService imports;
  @Autowired DatasetVersions versions;
  @Autowired QpvLocationService qpv;

  static final String FILE = "samples/adresses/adresses-montpellier-34172.csv";

  @BeforeEach
  void importOnce() {
    if (versions.active("adresses-34172").isEmpty()) {
      var outcome = imports.importFile(SharedData.file(FILE));
      assertThat(outcome.unchanged()).isFalse();
    }
  }

  JsonNode get(String path) {
    var r = new Http(port).get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(r.body());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void the_import_is_an_active_dataset_version_and_reimporting_changes_nothing() {
    var v = versions.active("adresses-34172").orElseThrow();
    assertThat(v.rowsRead()).isEqualTo(36_055);
    assertThat(v.rowsImported()).isEqualTo(36_055);
    assertThat(v.rowsRejected()).isZero();
    assertThat(v.parameters()).contains("departement=34").contains("communes=34172");
    var again = imports.importFile(SharedData.file(FILE));
    assertThat(again.unchanged()).isTrue();
    assertThat(again.versionId()).isEqualTo(v.id());
    assertThat(versions.all().stream().filter(x -> x.kind().startsWith("adresses-")).count()).isEqualTo(1);
  }

  @Test
  void search_answers_geocodejson_like_the_national_api() {
    JsonNode fc = get("/search/?q=" + q("6 bis bd Berthelot Montpellier") + "&limit=3");
    assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
    JsonNode f = fc.path("features").get(0);
    assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(3.870414);
    assertThat(f.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(43.600639);
    JsonNode p = f.path("properties");
    assertThat(p.path("type").asString()).isEqualTo("housenumber");
    assertThat(p.path("housenumber").asString()).isEqualTo("6bis");
    assertThat(p.path("street").asString()).isEqualTo("Boulevard Berthelot");
    assertThat(p.path("label").asString()).isEqualTo("6bis Boulevard Berthelot 34000 Montpellier");
    assertThat(p.path("citycode").asString()).isEqualTo("34172");
    assertThat(p.path("id").asString()).isEqualTo("34172_587_00006_bis");
    assertThat(p.path("x").asDouble()).isEqualTo(770300.36);
    assertThat(p.path("score").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(fc.path("features").size()).isBetween(1, 3);
  }

  @Test
  void filters_and_invalid_parameters() {
    assertThat(get("/search/?q=" + q("6 bd Berthelot") + "&citycode=75056").path("features").size()).isZero();
    assertThat(get("/search/?q=" + q("6 bd Berthelot") + "&postcode=34090").path("features").size()).isPositive();
    JsonNode street = get("/search?q=" + q("6 bd Berthelot") + "&type=street").path("features").get(0).path("properties");
    assertThat(street.path("type").asString()).isEqualTo("street");
    assertThat(street.path("name").asString()).isEqualTo("Boulevard Berthelot");
    JsonNode town = get("/search/?q=montpellier&type=municipality").path("features").get(0).path("properties");
    assertThat(town.path("type").asString()).isEqualTo("municipality");
    assertThat(town.path("citycode").asString()).isEqualTo("34172");
    var http = new Http(port);
    for (String bad : List.of("/search/?q=ab", "/search/?q=abcd&limit=0", "/search/?q=abcd&type=rue", "/search/?q=abcd&citycode=x")) {
      var r = http.get(bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    }
  }

  @Test
  void csv_batch_with_qpv_locates_only_certain_house_numbers() throws IOException {
    String csv =
        "id;adresse;ville;cp\n"
            + "1;54 allée du Luberon;Montpellier;34070\n"
            + "2;16 imp. du Vesuve;Montpellier;\n"
            + "3;6 bis bd Berthelot;Montpellier;34000\n"
            + "4;9999 rue Bernard Blier;Montpellier;\n"
            + "5;;;\n"
            + "6;4 pl des charmilles;;34080\n";
    String boundary = "----qp-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"columns", "adresse"}, {"columns", "ville"}, {"postcode", "cp"}, {"qpv", "true"}, {"date", "2025-06-01"}}) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"salaries.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(csv.getBytes(StandardCharsets.UTF_8));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var r = new Http(port).post("/search/csv/", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    String out = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(out).isEqualTo(200);
    List<List<String>> rows = new ArrayList<>();
    CsvRecordReader reader = new CsvRecordReader(new StringReader(out), ';');
    CsvRecordReader.Record rec;
    while ((rec = reader.next()) != null) {
      rows.add(rec.fields());
    }
    assertThat(rows).hasSize(7);
    List<String> h = rows.get(0);
    int lon = h.indexOf("longitude");
    int lat = h.indexOf("latitude");
    int type = h.indexOf("result_type");
    int score = h.indexOf("result_score");
    int statut = h.indexOf("qpv_statut");
    int code = h.indexOf("qpv_code");
    LocalDate date = LocalDate.of(2025, 6, 1);
    int inQpv = 0;
    int outQpv = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      boolean certain = row.get(type).equals("housenumber") && Double.parseDouble(row.get(score)) >= 0.8;
      if (certain) {
        Localisation expected =
            qpv.locate(Coordinates.wgs84(Double.parseDouble(row.get(lon)), Double.parseDouble(row.get(lat))), date);
        assertThat(row.get(statut)).isEqualTo(expected.statut().name());
        assertThat(row.get(code)).isEqualTo(expected.qpv() == null ? "" : expected.qpv().code());
        inQpv += row.get(statut).equals("DANS_QPV") ? 1 : 0;
        outQpv += row.get(statut).equals("HORS_QPV") ? 1 : 0;
      } else {
        assertThat(row.get(statut)).isEqualTo("INDETERMINE");
      }
    }
    assertThat(inQpv).isGreaterThanOrEqualTo(2);
    assertThat(outQpv).isGreaterThanOrEqualTo(1);
    assertThat(rows.get(4).get(type)).isEqualTo("street");
    assertThat(rows.get(5).get(h.indexOf("result_status"))).isEqualTo("skipped");
    assertThat(rows.get(1).get(code)).isEqualTo("QN03410M");
  }

  @Test
  void csv_batch_with_a_missing_column_is_refused_before_any_output() {
    String boundary = "b";
    String body =
        "--b\r\nContent-Disposition: form-data; name=\"columns\"\r\n\r\nadresse\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.csv\"\r\n\r\nid;rue\n1;x\n\r\n--b--\r\n";
    var r = new Http(port).post("/search/csv/", "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("adresse");
  }
}
