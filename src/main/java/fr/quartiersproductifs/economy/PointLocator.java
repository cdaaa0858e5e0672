package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.geography.QpvStatus;
import java.time.LocalDate;

/**
 * Locates a point given in its coordinate system (x/y and EPSG code) against the QPV in force at a
 * date. Implemented over the foundation's {@code QpvLocationService}; a seam so that the import
 * pipeline is testable and benchmarkable without Spring. Thread-safe.
 */
public interface PointLocator {
  Located locate(double x, double y, int epsg, LocalDate date);

  /**
   * Whether the point can be placed at all in its system (supported EPSG code, coordinates in its
   * domain). The import tries a row's WGS84 columns only for points that cannot (ADR 0036). By
   * default every point can.
   */
  default boolean placeable(double x, double y, int epsg) {
    return true;
  }

  /**
   * The status-only fast path for bulk imports, fixed on one state of the reference data for the
   * whole import; null when this locator has none (the import then calls {@link #locate}).
   */
  default Statuses statuses() {
    return null;
  }

  /** Our answer: DANS_QPV with the QPV code, HORS_QPV, or INDETERMINE (never ERREUR here). */
  record Located(QpvStatus status, String qpvCode) {
    public Located {
      if (status == QpvStatus.DANS_QPV && qpvCode == null) {
        throw new IllegalArgumentException("DANS_QPV requires a QPV code");
      }
    }
  }

  /**
   * Status only, packed in an int: {@link #HORS}, {@link #INDETERMINE}, or the id (&ge; 0) of the
   * QPV containing the point, whose code is {@link #qpvCode}. Always the same answer as {@link
   * #locate}. Thread-safe.
   */
  interface Statuses {
    int HORS = fr.quartiersproductifs.geography.locator.QpvLocator.HORS;
    int INDETERMINE = fr.quartiersproductifs.geography.locator.QpvLocator.INDETERMINE;

    int status(double x, double y, int epsg, LocalDate date);

    String qpvCode(int id);
  }
}
