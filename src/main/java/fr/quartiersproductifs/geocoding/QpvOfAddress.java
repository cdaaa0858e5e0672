package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The QPV answer for a geocoded address. Only a house number found with a score at or above the
 * threshold is located; anything less certain is INDETERMINE with the reason: an uncertain address
 * is never declared in or out of a QPV.
 */
public final class QpvOfAddress {
  private QpvOfAddress() {}

  public static Localisation of(GeocodeResult r, double scoreMin, LocalDate date, QpvLocator locator) {
    if (r == null) {
      return Localisation.undetermined("adresse non trouvée", date, null, null);
    }
    if (!r.isHousenumber()) {
      return Localisation.undetermined(
          "adresse localisée seulement "
              + (GeocodeResult.STREET.equals(r.type()) ? "à la voie" : "à la commune")
              + ", pas au numéro : position trop imprécise pour situer l'adresse par rapport à un QPV",
          date,
          r.lon(),
          r.lat());
    }
    if (r.score() < scoreMin) {
      return Localisation.undetermined(
          String.format(
              Locale.ROOT,
              "géocodage incertain (score %.2f inférieur au seuil %.2f) : vérifiez l'adresse",
              r.score(),
              scoreMin),
          date,
          r.lon(),
          r.lat());
    }
    return locator.locate(Coordinates.wgs84(r.lon(), r.lat()), date);
  }
}
