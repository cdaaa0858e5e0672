package fr.quartiersproductifs.geography;

import fr.quartiersproductifs.geography.locator.QpvLocator;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Service;

/**
 * Locates points against the QPV in force at a date, for the HTTP API, the CSV batches and the
 * other features. The locator is rebuilt when the reference snapshot changes. Thread-safe.
 */
@Service
public class QpvLocationService {
  /** Dates are French civil dates. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final GeographyService geography;
  private volatile QpvLocator locator;

  public QpvLocationService(GeographyService geography) {
    this.geography = geography;
  }

  /** Locates one point; a null date means today (Europe/Paris). */
  public Localisation locate(Coordinates point, LocalDate date) {
    return locator().locate(point, date == null ? LocalDate.now(PARIS) : date);
  }

  /** The locator of the current snapshot (fails clearly when no QPV has been imported). */
  public QpvLocator locator() {
    ReferenceGeography current = geography.current();
    QpvLocator l = locator;
    if (l == null || l.geography() != current) {
      synchronized (this) {
        l = locator;
        if (l == null || l.geography() != geography.current()) {
          if (geography.current().qpv().isEmpty()) {
            throw new QpException(
                ErrorCode.MISSING_REFERENCE_DATA,
                "Aucun contour de QPV n'est importé : lancez `qp import qpv FICHIER` (voir le README).");
          }
          l = new QpvLocator(geography.current());
          locator = l;
        }
      }
    }
    return l;
  }
}
