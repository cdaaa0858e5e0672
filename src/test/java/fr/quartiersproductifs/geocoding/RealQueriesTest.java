package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.quartiersproductifs.support.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real queries of {@code requetes_reelles_14_territoires.csv} that concern Montpellier (the
 * only commune whose addresses are in the sample). A query without coordinates takes those of the
 * query of the same file naming the same house number and street.
 */
class RealQueriesTest {
  static MontpellierIndex mtp;
  static List<NamedCsvRecord> montpellier = new ArrayList<>();
  static Map<String, double[]> expected = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    mtp = MontpellierIndex.shared();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder()
            .ofNamedCsvRecord(
                SharedData.file("samples/adresses/requetes_reelles_14_territoires.csv"), StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) {
        if (!r.getField("code_commune_principale_du_cp_non_verifie").trim().equals("34172")) {
          continue;
        }
        montpellier.add(r);
        if (!r.getField("lon").isBlank()) {
          expected.put(
              key(r),
              new double[] {Double.parseDouble(r.getField("lon")), Double.parseDouble(r.getField("lat"))});
        }
      }
    }
  }

  private static String key(NamedCsvRecord r) {
    return r.getField("expected_housenumber") + "|" + r.getField("expected_street");
  }

  @Test
  void every_montpellier_query_with_known_coordinates_is_placed_within_15_m_with_a_certain_score() {
    assertThat(montpellier).hasSize(22);
    int withExpectation = 0;
    List<String> failures = new ArrayList<>();
    for (NamedCsvRecord r : montpellier) {
      double[] e = expected.get(key(r));
      if (e == null) {
        continue;
      }
      withExpectation++;
      GeocodeResult g = mtp.geocoder.geocodeOne(r.getField("query"), null, null);
      double d = g == null ? Double.POSITIVE_INFINITY : Geocoder.distanceM(g.lon(), g.lat(), e[0], e[1]);
      if (g == null || d > 15 || !g.isHousenumber() || g.score() < 0.8) {
        failures.add(r.getField("query") + " -> " + (g == null ? "rien" : g.label() + " " + g.score() + String.format(Locale.ROOT, " %.0f m", d)));
      }
    }
    assertThat(withExpectation).isEqualTo(21);
    assertThat(failures).isEmpty();
  }

  @Test
  void the_user_typed_query_finds_its_street_and_number() {
    GeocodeResult g = mtp.geocoder.geocodeOne(" 109 place de thessalie, 34000 montpellier", null, null);
    assertThat(g).isNotNull();
    assertThat(g.street()).isEqualTo("Place de Thessalie");
    assertThat(g.citycode()).isEqualTo("34172");
    assertThat(g.postcode()).isEqualTo("34000");
  }
}
