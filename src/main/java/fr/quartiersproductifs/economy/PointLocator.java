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

  /** Our answer: DANS_QPV with the QPV code, HORS_QPV, or INDETERMINE (never ERREUR here). */
  record Located(QpvStatus status, String qpvCode) {
    public Located {
      if (status == QpvStatus.DANS_QPV && qpvCode == null) {
        throw new IllegalArgumentException("DANS_QPV requires a QPV code");
      }
    }
  }
}
