package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Held-out-style evaluation: addresses of the sample (a different subset from {@link
 * MontpellierGeocodingTest}) written the way people type them ({@link TypedQueries}); the share
 * placed within 15 m of the true point, and no uncertain result declared certain far away.
 */
class TypedQueriesTest {

  @Test
  void typed_addresses_are_placed_within_15_m() {
    MontpellierIndex mtp = MontpellierIndex.shared();
    List<BanAddress> rows = MontpellierIndex.rows();
    Map<String, Integer> dup = new HashMap<>();
    for (BanAddress a : rows) {
      dup.merge(AddressText.normalise(a.nomVoie()) + "|" + a.numero() + "|" + AddressText.canonicalRepOfColumn(a.rep()), 1, Integer::sum);
    }
    Random random = new Random(2026);
    int n = 0;
    int within15 = 0;
    int certainButWrong = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 7; i < rows.size(); i += 12) {
      BanAddress a = rows.get(i);
      if (dup.get(AddressText.normalise(a.nomVoie()) + "|" + a.numero() + "|" + AddressText.canonicalRepOfColumn(a.rep())) > 1
          || a.numero().equals("0")) {
        continue;
      }
      n++;
      String q = TypedQueries.write(a, random);
      GeocodeResult g = mtp.geocoder.geocodeOne(q, null, null);
      double d = g == null ? Double.POSITIVE_INFINITY : Geocoder.distanceM(g.lon(), g.lat(), a.lon(), a.lat());
      if (d <= 15) {
        within15++;
      } else {
        failures.add(String.format(Locale.ROOT, "%s [%s %s] -> %s", q, a.numero() + a.rep(), a.nomVoie(),
            g == null ? "rien" : g.label() + " (" + g.type() + ", " + g.score() + String.format(Locale.ROOT, ", %.0f m)", d)));
        if (g != null && g.isHousenumber() && g.score() >= 0.8) {
          certainButWrong++;
        }
      }
    }
    double rate = (double) within15 / n;
    System.out.printf(Locale.ROOT, "typed queries: %d, within 15 m: %d (%.2f%%), certain but wrong: %d%n", n, within15, 100 * rate, certainButWrong);
    failures.forEach(f -> System.out.println("  " + f));
    assertThat(n).isGreaterThan(2_800);
    assertThat(rate).isGreaterThanOrEqualTo(0.98);
    assertThat(certainButWrong).isLessThanOrEqualTo(n / 500);
  }
}
