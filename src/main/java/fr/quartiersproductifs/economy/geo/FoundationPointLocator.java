package fr.quartiersproductifs.economy.geo;

import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.geography.locator.QpvLocator;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The foundation's locator, fed with INSEE's projected coordinates as they are (Lambert-93 or the
 * overseas EPSG codes, which it accepts directly). ERREUR and INDETERMINE both become INDETERMINE.
 * The bulk fast path is {@link QpvLocator#status}, on the locator in use when the import starts.
 */
@Component
public class FoundationPointLocator implements PointLocator {
  private final QpvLocationService locations;

  public FoundationPointLocator(QpvLocationService locations) {
    this.locations = locations;
  }

  @Override
  public Located locate(double x, double y, int epsg, LocalDate date) {
    Localisation l = locations.locate(new Coordinates(x, y, epsg), date);
    return switch (l.statut()) {
      case DANS_QPV -> new Located(QpvStatus.DANS_QPV, l.qpv().code());
      case HORS_QPV -> new Located(QpvStatus.HORS_QPV, null);
      default -> new Located(QpvStatus.INDETERMINE, null);
    };
  }

  @Override
  public boolean placeable(double x, double y, int epsg) {
    return locations.locator().placeable(epsg, x, y);
  }

  @Override
  public Statuses statuses() {
    QpvLocator locator = locations.locator();
    return new Statuses() {
      @Override
      public int status(double x, double y, int epsg, LocalDate date) {
        return locator.status(epsg, x, y, date); // the same packing: HORS and INDETERMINE are its own
      }

      @Override
      public String qpvCode(int id) {
        return locator.qpvCode(id);
      }
    };
  }
}
