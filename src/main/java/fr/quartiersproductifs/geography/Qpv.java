package fr.quartiersproductifs.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A QPV of one generation with its contour (WGS84, valid), the communes it spans, its population
 * and indicators (when the indicators file covers it) and its period of validity.
 *
 * @param communes every commune of the QPV (from the indicators file; the contour file names only
 *     one); codes of whole communes (13055 for Marseille)
 * @param population municipal population of the QPV, null under statistical secrecy or unknown
 * @param indicators QPV-level indicators by name (blank = statistical secrecy, absent)
 * @param flags odd values kept as is, with why they are odd
 * @param validTo last day in force, null when still in force
 * @param versionId dataset version of the contour
 */
public record Qpv(
    String code,
    String nom,
    Generation generation,
    List<QpvRef.CommuneRef> communes,
    String departement,
    String region,
    List<String> epciSirens,
    Integer population,
    Map<String, Double> indicators,
    List<String> flags,
    LocalDate validFrom,
    LocalDate validTo,
    Geometry geometry,
    long versionId) {

  public boolean inForce(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  public boolean overseas() {
    return departement != null && departement.startsWith("97");
  }
}
