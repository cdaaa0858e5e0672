package fr.quartiersproductifs.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Computes automatic indicators from the economic diagnostic (active establishments in QPV,
 * creations in QPV in the year, density ratio QPV / rest of the territory...). Implemented by the
 * economy feature as a Spring bean; when no implementation is present, automatic indicators are
 * reported as "non disponible".
 */
public interface AutomaticIndicatorSource {
  /**
   * The value of an automatic indicator for a territory and a period, or empty when the diagnostic
   * cannot compute it (unknown code, data not imported).
   *
   * @param communes commune codes of the territory's perimeter
   * @param qpv QPV codes (2024 generation) of the territory
   */
  Optional<BigDecimal> value(String indicatorCode, String territory, List<String> communes, List<String> qpv, String period);

  /** Label of the data the values come from (e.g. "SIRENE 2026-01"), for the provenance. */
  String source();
}
