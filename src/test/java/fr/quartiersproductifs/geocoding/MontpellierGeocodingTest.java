package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each sampled point of the Montpellier BAN sample, its address written several ways, must come
 * back at its own coordinates.
 */
class MontpellierGeocodingTest {
  static MontpellierIndex mtp;
  static List<BanAddress> sample;
  static Map<String, Integer> duplicates = new HashMap<>();

  @BeforeAll
  static void build() {
    mtp = MontpellierIndex.shared();
    List<BanAddress> rows = MontpellierIndex.rows();
    for (BanAddress a : rows) {
      duplicates.merge(key(a), 1, Integer::sum);
    }
    // every 20th address whose (street, number, rep) is unique in the file: 1 in 20 of 36,055
    sample = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 20) {
      BanAddress a = rows.get(i);
      if (duplicates.get(key(a)) == 1 && !a.numero().equals("99999") && !a.numero().equals("0")) {
        sample.add(a);
      }
    }
  }

  private static String key(BanAddress a) {
    return AddressText.normalise(a.nomVoie()) + "|" + a.numero() + "|" + AddressText.canonicalRepOfColumn(a.rep());
  }

  @Test
  void the_whole_sample_is_indexed() {
    assertThat(mtp.report.rowsRead()).isEqualTo(36_055);
    assertThat(mtp.report.rejected()).isEqualTo(0);
    assertThat(sample.size()).isGreaterThan(1_700);
  }

  static String number(BanAddress a, String repSeparator) {
    return a.numero() + (a.rep().isEmpty() ? "" : repSeparator + a.rep());
  }

  static String abbreviate(String street) {
    return street
        .replaceFirst("^Avenue ", "av. ")
        .replaceFirst("^Boulevard ", "bd ")
        .replaceFirst("^Rue ", "r. ")
        .replaceFirst("^Place ", "pl. ")
        .replaceFirst("^Impasse ", "imp. ")
        .replaceFirst("^Chemin ", "ch. ")
        .replaceFirst("^Route ", "rte ")
        .replaceFirst("^Allée ", "all. ")
        .replace("Saint-", "St ")
        .replace("Sainte-", "Ste ");
  }

  /** Removes accents by hand (as a keyboard without them would). */
  static String noAccents(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  /** One deleted letter in the longest word of 6 letters or more (a typing slip). */
  static String typo(String street, Random random) {
    String[] words = street.split("(?<=[ '-])");
    int longest = -1;
    for (int i = 0; i < words.length; i++) {
      String letters = words[i].replaceAll("[^\\p{L}]", "");
      if (letters.length() >= 6 && letters.length() == words[i].trim().length()
          && (longest < 0 || words[i].length() > words[longest].length())) {
        longest = i;
      }
    }
    if (longest < 0) {
      return street;
    }
    String w = words[longest];
    int pos = 1 + random.nextInt(w.trim().length() - 2);
    words[longest] = w.substring(0, pos) + w.substring(pos + 1);
    return String.join("", words);
  }

  private record Outcome(int ok, List<String> failures) {
    double rate(int n) {
      return (double) ok / n;
    }
  }

  private Outcome run(Function<BanAddress, String> writer, double maxMetres) {
    int ok = 0;
    List<String> failures = new ArrayList<>();
    for (BanAddress a : sample) {
      String q = writer.apply(a);
      GeocodeResult r = mtp.geocoder.geocodeOne(q, null, null);
      double d = r == null ? Double.POSITIVE_INFINITY : Geocoder.distanceM(r.lon(), r.lat(), a.lon(), a.lat());
      if (r != null && d <= maxMetres && r.isHousenumber()) {
        ok++;
      } else {
        failures.add(
            q + " -> "
                + " [" + a.nomVoie() + "] "
                + (r == null ? "rien" : r.label() + " (" + r.type() + ", " + r.score() + String.format(Locale.ROOT, ", %.0f m)", d)));
      }
    }
    System.out.printf(Locale.ROOT, "%d/%d ok, %d failures%n", ok, sample.size(), failures.size());
    failures.stream().limit(15).forEach(f -> System.out.println("  " + f));
    return new Outcome(ok, failures);
  }

  @Test
  void exact_address_with_commune() {
    Outcome o = run(a -> number(a, " ") + " " + a.nomVoie() + " " + a.nomCommune(), 5);
    assertThat(o.rate(sample.size())).isGreaterThanOrEqualTo(0.995);
  }

  @Test
  void lower_case_without_accents_with_postcode() {
    Outcome o =
        run(a -> noAccents((number(a, "") + " " + a.nomVoie()).toLowerCase(Locale.ROOT)) + " 34000", 5);
    assertThat(o.rate(sample.size())).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void abbreviated_upper_case() {
    Outcome o =
        run(a -> (number(a, " ") + ", " + abbreviate(a.nomVoie()) + " MONTPELLIER").toUpperCase(Locale.ROOT), 5);
    assertThat(o.rate(sample.size())).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void one_typing_slip_without_commune() {
    Random random = new Random(42);
    Outcome o = run(a -> number(a, "") + " " + typo(a.nomVoie(), random), 5);
    assertThat(o.rate(sample.size())).isGreaterThanOrEqualTo(0.95);
  }
}
