package fr.quartiersproductifs.geography;

/**
 * A point as given by a user: x/y in a coordinate system (EPSG code). For WGS84 ({@code 4326}), x
 * is the longitude and y the latitude.
 */
public record Coordinates(double x, double y, int epsg) {
  public static final int WGS84 = 4326;

  public static Coordinates wgs84(double lon, double lat) {
    return new Coordinates(lon, lat, WGS84);
  }
}
