package fr.quartiersproductifs.geography;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "is this point in a QPV at this date?", with what is needed to justify it.
 *
 * @param statut DANS_QPV, HORS_QPV or INDETERMINE (ERREUR only for unreadable batch rows)
 * @param raison why the answer is INDETERMINE or ERREUR, in French; for DANS_QPV, a note when
 *     the point also lies in other QPV (overlapping contours); null otherwise
 * @param date the date the answer applies to
 * @param lon WGS84 longitude of the point (null when unreadable)
 * @param lat WGS84 latitude of the point (null when unreadable)
 * @param qpv the QPV containing the point (DANS_QPV)
 * @param distanceLimiteM distance in metres to the nearest QPV boundary: inside, to the boundary of
 *     its QPV; outside, to the nearest QPV within 1 km (null beyond)
 * @param qpvProche when outside, the nearest QPV within 1 km (null beyond)
 * @param territoire id of the pilot territory of the QPV (or of the point's commune), if any
 * @param generation generation of the QPV list applied (2015 or 2024), null if none applies
 * @param versions references of the dataset versions used ({@code qpv-2024#3}, ...)
 */
public record Localisation(
    QpvStatus statut,
    String raison,
    LocalDate date,
    Double lon,
    Double lat,
    QpvRef qpv,
    Double distanceLimiteM,
    QpvRef qpvProche,
    String territoire,
    Integer generation,
    List<String> versions) {

  public static Localisation error(String reason, LocalDate date) {
    return new Localisation(
        QpvStatus.ERREUR, reason, date, null, null, null, null, null, null, null, List.of());
  }

  /** An undetermined answer that was not computed from the point (e.g. uncertain geocoding). */
  public static Localisation undetermined(String reason, LocalDate date, Double lon, Double lat) {
    return new Localisation(
        QpvStatus.INDETERMINE, reason, date, lon, lat, null, null, null, null, null, List.of());
  }
}
