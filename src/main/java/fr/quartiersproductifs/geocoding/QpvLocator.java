package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import java.time.LocalDate;

/**
 * The QPV answer for a point: {@link fr.quartiersproductifs.geography.QpvLocationService#locate} in
 * the application (see {@link GeocodingConfiguration}), a fake in the pure tests.
 */
@FunctionalInterface
public interface QpvLocator {
  Localisation locate(Coordinates point, LocalDate date);
}
