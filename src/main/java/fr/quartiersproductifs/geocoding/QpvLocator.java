package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import java.time.LocalDate;

/**
 * The QPV answer for a point, as given by the geography feature's {@code QpvLocationService.locate}
 * (the Spring bean adapting it is declared in {@link GeocodingConfiguration}).
 */
@FunctionalInterface
public interface QpvLocator {
  Localisation locate(Coordinates point, LocalDate date);
}
