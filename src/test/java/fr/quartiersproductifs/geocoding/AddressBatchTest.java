package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.quartiersproductifs.csv.CsvRecordReader;
import fr.quartiersproductifs.geocoding.batch.AddressBatch;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.shared.QpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The CSV batch on the Montpellier index, with a fake QPV locator that records its calls. */
class AddressBatchTest {
  static final Charset CP1252 = Charset.forName("windows-1252");
  final List<Coordinates> located = new CopyOnWriteArrayList<>();
  final QpvLocator everywhereInQpv =
      (p, d) -> {
        located.add(p);
        return new Localisation(QpvStatus.DANS_QPV, null, d, p.x(), p.y(), null, null, null, null, 2024, List.of());
      };

  private List<List<String>> run(byte[] input, Charset charset, char sep, AddressBatch.Options o) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new AddressBatch(MontpellierIndex.shared().geocoder, everywhereInQpv, 2).run(new ByteArrayInputStream(input), out, o);
    CsvRecordReader reader = new CsvRecordReader(new StringReader(out.toString(charset)), sep);
    List<List<String>> rows = new ArrayList<>();
    CsvRecordReader.Record r;
    while ((r = reader.next()) != null) {
      rows.add(r.fields());
    }
    return rows;
  }

  @Test
  void every_row_comes_out_once_in_order_whatever_is_wrong_with_it() throws IOException {
    String csv =
        "id;adresse;cp\r\n"
            + "1;6 bis bd Berthelot;34000\r\n"
            + "2;;34000\r\n"
            + "\r\n"
            + "3;12\r\n"
            + "4;\"guillemet ouvert;34000\r\n"
            + "5;Zzyzx Qwérty;34000\r\n"
            + "6;118 rue Bernard Blier;34000;en trop\r\n"
            + "7;9999 Rue Bernard Blier;34000\r\n"
            + "8;118 rue Bernard Blier;3400X\r\n";
    var o = new AddressBatch.Options(List.of("adresse"), null, "cp", true, LocalDate.of(2025, 6, 1), 0.8);
    List<List<String>> rows = run(csv.getBytes(CP1252), CP1252, ';', o);
    assertThat(rows).hasSize(10);
    List<String> header = rows.get(0);
    int status = header.indexOf("result_status");
    int type = header.indexOf("result_type");
    int qpv = header.indexOf("qpv_statut");
    assertThat(header.subList(0, 3)).containsExactly("id", "adresse", "cp");
    assertThat(rows.subList(1, 10)).extracting(r -> r.get(0)).containsExactly("1", "2", "", "3", "4", "5", "6", "7", "8");
    assertThat(rows.subList(1, 10))
        .extracting(r -> r.get(status))
        .containsExactly("ok", "skipped", "skipped", "error", "error", "not-found", "ok", "ok", "error");
    // the found house number is located; the street without that number is not
    assertThat(rows.get(1).get(header.indexOf("result_housenumber"))).isEqualTo("6bis");
    assertThat(rows.get(1).get(qpv)).isEqualTo("DANS_QPV");
    assertThat(rows.get(8).get(type)).isEqualTo("street");
    assertThat(rows.get(8).get(qpv)).isEqualTo("INDETERMINE");
    assertThat(rows.get(8).get(header.indexOf("qpv_message"))).contains("pas au numéro");
    assertThat(rows.get(6).get(qpv)).isEqualTo("INDETERMINE");
    assertThat(rows.get(5).get(qpv)).isEqualTo("ERREUR");
    assertThat(rows.get(4).get(header.indexOf("result_message"))).contains("aucun mot");
    // a row with too many fields keeps them (joined into the last input column)
    assertThat(rows.get(7).get(2)).isEqualTo("34000;en trop");
    assertThat(located).hasSize(2);
  }

  @Test
  void a_match_below_the_threshold_is_never_declared_in_or_out() throws IOException {
    String csv = "adresse\n118 rue Bernard Blier Montpellier\n118 Bernar Blir\n";
    // threshold above any typo'd score
    var o = new AddressBatch.Options(List.of(), null, null, true, null, 0.99);
    List<List<String>> rows = run(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',', o);
    int score = rows.get(0).indexOf("result_score");
    int qpv = rows.get(0).indexOf("qpv_statut");
    assertThat(Double.parseDouble(rows.get(1).get(score))).isGreaterThanOrEqualTo(0.99);
    assertThat(rows.get(1).get(qpv)).isEqualTo("DANS_QPV");
    assertThat(Double.parseDouble(rows.get(2).get(score))).isLessThan(0.99);
    assertThat(rows.get(2).get(qpv)).isEqualTo("INDETERMINE");
    assertThat(rows.get(2).get(rows.get(0).indexOf("qpv_message"))).contains("géocodage incertain");
    assertThat(located).hasSize(1);
  }

  @Test
  void output_keeps_the_dialect_of_the_input() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "n°,rue,ville\r\n1,\"6 ter, Bd Berthelot\",Montpellier\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, input, 0, 3);
    System.arraycopy(body, 0, input, 3, body.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new AddressBatch(MontpellierIndex.shared().geocoder, null, 1)
        .run(new ByteArrayInputStream(input), out, new AddressBatch.Options(List.of("rue", "ville"), null, null, false, null, 0.8));
    byte[] bytes = out.toByteArray();
    assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("n°,rue,ville,latitude,longitude,result_label");
    assertThat(text).contains("\r\n1,\"6 ter, Bd Berthelot\",Montpellier,43.600560,3.870546,");
    assertThat(text).doesNotContain("qpv_statut");
  }

  @Test
  void a_missing_column_fails_fast_with_its_name() {
    var o = new AddressBatch.Options(List.of("adresse"), "insee", null, false, null, 0.8);
    assertThatThrownBy(() -> run("adresse;ville\nx;y\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ';', o))
        .isInstanceOf(QpException.class)
        .hasMessageContaining("insee");
  }
}
