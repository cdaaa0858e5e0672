package fr.quartiersproductifs.geocoding;

import org.junit.jupiter.api.Test;

class DebugTest {
  @Test
  void debug() {
    MontpellierIndex mtp = MontpellierIndex.shared();
    for (String q : System.getProperty("qs", "10 paladrlhe 34080 montpellier").split("§")) {
      System.out.println("Q: " + q + " " + ParsedQuery.parse(q));
      for (GeocodeResult r : mtp.geocoder.search(new GeocodeRequest(q, 8, null, null, null))) {
        System.out.println("   " + r.type() + " " + r.score() + " " + r.label());
      }
    }
  }
}
