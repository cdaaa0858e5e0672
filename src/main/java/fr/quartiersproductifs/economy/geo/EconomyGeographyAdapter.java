package fr.quartiersproductifs.economy.geo;

import fr.quartiersproductifs.economy.EconomyGeography;
import fr.quartiersproductifs.geography.GeographyService;
import fr.quartiersproductifs.geography.ReferenceGeography;
import org.springframework.stereotype.Component;

/** The foundation's snapshot, as the economy feature sees it. */
@Component
class EconomyGeographyAdapter implements EconomyGeography {
  private final GeographyService geography;

  EconomyGeographyAdapter(GeographyService geography) {
    this.geography = geography;
  }

  @Override
  public ReferenceGeography current() {
    return geography.current();
  }
}
