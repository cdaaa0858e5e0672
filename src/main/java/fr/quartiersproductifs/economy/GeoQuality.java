package fr.quartiersproductifs.economy;

/** How precisely INSEE placed an establishment ({@code qualite_xy}), in classes. */
public enum GeoQuality {
  /** No point: absent from the geolocation file or without coordinates. */
  ABSENTE,
  /** Address number found (qualite_xy 11 or 21). */
  ADRESSE,
  /** Street found, position in the street (12, 22). */
  VOIE,
  /** Placed at random in the commune (33): never counted in or out of a QPV. */
  COMMUNE,
  /** A point without a known quality code (the sample files leave qualite_xy empty). */
  INCONNUE;

  public static GeoQuality of(int qualiteXy, boolean hasPoint) {
    if (!hasPoint) {
      return ABSENTE;
    }
    return switch (qualiteXy) {
      case 11, 21 -> ADRESSE;
      case 12, 22 -> VOIE;
      case 33 -> COMMUNE;
      default -> INCONNUE;
    };
  }
}
