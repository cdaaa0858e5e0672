package fr.quartiersproductifs.geography.locator;

import java.util.Set;

/**
 * The parts of France where QPV exist, each with the official projected coordinate system used
 * for its distances: Lambert-93 for metropolitan France (Corsica included), UTM systems overseas.
 * A WGS84 point is assigned to a zone by the zone's longitude/latitude bounding box.
 */
public enum Zone {
  METRO(2154, -5.8, 41.2, 10.0, 51.3, Set.of()),
  ANTILLES(5490, -63.2, 14.2, -60.7, 18.2, Set.of("971", "972", "977", "978")),
  GUYANE(2972, -54.7, 2.0, -51.5, 6.0, Set.of("973")),
  REUNION(2975, 55.1, -21.5, 55.9, -20.8, Set.of("974")),
  MAYOTTE(4471, 44.9, -13.1, 45.4, -12.5, Set.of("976"));

  private final int epsg;
  private final double minLon;
  private final double minLat;
  private final double maxLon;
  private final double maxLat;
  private final Set<String> departements;

  Zone(int epsg, double minLon, double minLat, double maxLon, double maxLat, Set<String> departements) {
    this.epsg = epsg;
    this.minLon = minLon;
    this.minLat = minLat;
    this.maxLon = maxLon;
    this.maxLat = maxLat;
    this.departements = departements;
  }

  /** EPSG code of the zone's projected system. */
  public int epsg() {
    return epsg;
  }

  public boolean containsLonLat(double lon, double lat) {
    return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  }

  /** The zone whose bounding box holds the WGS84 point, or null. */
  public static Zone ofLonLat(double lon, double lat) {
    for (Zone z : values()) {
      if (z.containsLonLat(lon, lat)) {
        return z;
      }
    }
    return null;
  }

  /** The zone whose projected system has this EPSG code, or null. */
  public static Zone ofEpsg(int epsg) {
    return switch (epsg) {
      case 2154 -> METRO;
      case 5490 -> ANTILLES;
      case 2972 -> GUYANE;
      case 2975 -> REUNION;
      case 4471 -> MAYOTTE;
      default -> null;
    };
  }

  /** The zone of a département code (971 to 976 overseas, anything else metropolitan). */
  public static Zone ofDepartement(String code) {
    if (code != null) {
      for (Zone z : values()) {
        if (z.departements.contains(code)) {
          return z;
        }
      }
    }
    return METRO;
  }
}
