package fr.quartiersproductifs.geocoding;

/**
 * One geocoding answer, with the properties of the national address API (GeocodeJSON).
 *
 * @param type {@code housenumber}, {@code street} or {@code municipality}
 * @param score confidence in [0, 1]
 * @param lon WGS84 longitude
 * @param lat WGS84 latitude
 * @param x easting as given by the BAN file (Lambert-93 in metropolitan France)
 * @param y northing
 * @param label full address as a person writes it
 * @param id BAN identifier of the point, street or commune
 * @param housenumber number with its repetition index ({@code 6bis}), null unless housenumber
 * @param name number and street, or street, or commune name
 * @param street street name, null for a commune
 * @param postcode postcode
 * @param citycode commune code (INSEE)
 * @param city commune name
 * @param context département code
 */
public record GeocodeResult(
    String type,
    double score,
    double lon,
    double lat,
    double x,
    double y,
    String label,
    String id,
    String housenumber,
    String name,
    String street,
    String postcode,
    String citycode,
    String city,
    String context) {

  public static final String HOUSENUMBER = "housenumber";
  public static final String STREET = "street";
  public static final String MUNICIPALITY = "municipality";

  public GeocodeResult {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score hors de [0, 1] : " + score);
    }
  }

  public boolean isHousenumber() {
    return HOUSENUMBER.equals(type);
  }

  GeocodeResult withScore(double s) {
    return new GeocodeResult(
        type, s, lon, lat, x, y, label, id, housenumber, name, street, postcode, citycode, city, context);
  }
}
