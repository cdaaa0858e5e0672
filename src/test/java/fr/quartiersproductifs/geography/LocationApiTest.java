package fr.quartiersproductifs.geography;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.csv.CsvDialectDetector;
import fr.quartiersproductifs.csv.CsvRecordReader;
import fr.quartiersproductifs.support.DatabaseTest;
import fr.quartiersproductifs.support.Http;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP API of the foundation, over real HTTP, on the real reference data. */
@DatabaseTest
class LocationApiTest {
  @LocalServerPort int port;

  Http http() {
    return new Http(port);
  }

  @Test
  void single_point_in_json() {
    var r = http().get("/api/v1/qpv/localisation?lon=5.3795&lat=43.2975&date=2025-06-01");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"statut\":\"DANS_QPV\"").contains("\"code\":\"QN01330M\"").contains("\"territoire\":\"AMP\"");
  }

  @Test
  void projected_point_and_bad_parameters() {
    var r = http().get("/api/v1/qpv/localisation?x=334344.98&y=7646657.79&epsg=2975&date=2025-06-01");
    assertThat(r.body()).contains("QN97401I");
    var bad = http().get("/api/v1/qpv/localisation?lon=abc&lat=43");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    assertThat(bad.body()).contains("lon").contains("nombre décimal");
    assertThat(http().get("/api/v1/qpv/localisation?x=1&y=2").statusCode()).isEqualTo(400);
  }

  @Test
  void broken_batch_returns_exactly_as_many_rows_as_it_received() throws IOException {
    // Windows-1252, semicolon, decimal commas, an empty line, text in coordinates, a missing
    // coordinate, unbalanced quotes, a row with too many fields.
    String csv =
        "id;nom;lon;lat\r\n"
            + "1;Canebière;5,3795;43,2975\r\n"
            + "2;Notre-Dame;5,3711;43,2840\r\n"
            + "\r\n"
            + "3;Texte;abc;43,29\r\n"
            + "4;\"guillemet ouvert;5,37;43,29\r\n"
            + "5;Manquant;;43,29\r\n"
            + "6;Élodie;5,3795;43,2975;en trop\r\n"
            + "7;Barcelone;2,17;41,39\r\n";
    byte[] body = csv.getBytes(CsvDialectDetector.WINDOWS_1252);
    var r = http().post("/api/v1/qpv/localisation/csv?lon=lon&lat=lat&date=2025-06-01", "text/csv", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("windows-1252");
    List<List<String>> rows = parse(r.body(), CsvDialectDetector.WINDOWS_1252, ';');
    assertThat(rows).hasSize(1 + 8);
    assertThat(rows.get(0)).endsWith("qpv_statut", "qpv_code", "qpv_nom", "qpv_generation", "qpv_distance_limite_m", "qpv_territoire", "qpv_message");
    int s = rows.get(0).indexOf("qpv_statut");
    assertThat(rows.subList(1, 9)).extracting(row -> row.get(s))
        .containsExactly("DANS_QPV", "HORS_QPV", "ERREUR", "ERREUR", "ERREUR", "ERREUR", "ERREUR", "INDETERMINE");
    assertThat(rows.get(1).get(1)).isEqualTo("Canebière"); // accents kept in windows-1252
    assertThat(rows.get(4).get(s + 6)).contains("non numérique");
    assertThat(rows.get(5).get(s + 6)).contains("Guillemets non fermés");
    assertThat(rows.get(7).get(3)).isEqualTo("43,2975;en trop"); // nothing lost

    String id = r.headers().firstValue("X-Lot-Id").orElseThrow();
    var receipt = http().get("/api/v1/qpv/lots/" + id);
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.body()).contains("\"lignes\":8").contains("\"ERREUR\":5").contains("\"DANS_QPV\":1").contains("qpv-2024#");
  }

  @Test
  void utf8_bom_comma_batch_as_multipart_keeps_bom_and_order() throws IOException {
    String csv = "\uFEFFnom,latitude,longitude\nA,43.2975,5.3795\nB,43.2840,5.3711\n";
    String boundary = "----qp" + System.nanoTime();
    String multipart =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"points.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
    var r = http().post(
        "/api/v1/qpv/localisation/csv?lon=longitude&lat=latitude&date=2025-06-01",
        "multipart/form-data; boundary=" + boundary,
        multipart.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()[0] & 0xff).isEqualTo(0xEF);
    List<List<String>> rows = parse(r.body(), StandardCharsets.UTF_8, ',');
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("A").contains("DANS_QPV");
    assertThat(rows.get(2)).startsWith("B").contains("HORS_QPV");
  }

  @Test
  void missing_column_is_a_clear_error_before_any_output() {
    var r = http().post("/api/v1/qpv/localisation/csv?lon=longitude&lat=lat", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("longitude").contains("absente");
  }

  @Test
  void territories_and_qpv_browsing() {
    var list = http().get("/api/v1/territoires");
    assertThat(list.body()).contains("\"id\":\"AMP\"").contains("\"id\":\"SAINT_LOUIS_974\"");
    var orly = http().get("/api/v1/territoires/ORLY_CHOISY?date=2025-06-01");
    assertThat(orly.body()).contains("94054").contains("94022").contains("\"qpv\":[{");
    var qpv = http().get("/api/v1/qpv/QN05921M");
    assertThat(qpv.body()).contains("\"indicateurs\"").contains("popMuniQPV");
    var geo = http().get("/api/v1/qpv?commune=13203&date=2025-06-01");
    assertThat(geo.statusCode()).isEqualTo(200);
    assertThat(geo.body()).startsWith("{\"type\":\"FeatureCollection\"").contains("MultiPolygon").contains("13055");
    assertThat(http().get("/api/v1/qpv/QN99999X").statusCode()).isEqualTo(404);
    assertThat(http().get("/api/v1/territoires/NULLE_PART").statusCode()).isEqualTo(404);
  }

  static List<List<String>> parse(byte[] body, Charset charset, char delimiter) throws IOException {
    String text = new String(body, charset);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CsvRecordReader reader = new CsvRecordReader(new StringReader(text), delimiter);
    List<List<String>> rows = new ArrayList<>();
    CsvRecordReader.Record r;
    while ((r = reader.next()) != null) {
      rows.add(r.fields());
    }
    return rows;
  }

}
