package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.shared.QpException;

/**
 * A free-text geocoding request with the filters of the national address API.
 *
 * @param q the address as typed
 * @param limit maximum number of results (1 to 20)
 * @param postcode only results with this postcode (null: any)
 * @param citycode only results in this commune (null: any)
 * @param type only results of this type (null: any)
 */
public record GeocodeRequest(String q, int limit, String postcode, String citycode, String type) {
  public static final int MAX_LIMIT = 20;
  public static final int MAX_QUERY_LENGTH = 200;

  public GeocodeRequest {
    if (q == null) {
      q = "";
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw QpException.invalid("Le paramètre q dépasse " + MAX_QUERY_LENGTH + " caractères.");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw QpException.invalid("Le paramètre limit doit être compris entre 1 et " + MAX_LIMIT + ".");
    }
    postcode = blankToNull(postcode);
    citycode = blankToNull(citycode);
    type = blankToNull(type);
    if (postcode != null && !postcode.matches("[0-9]{5}")) {
      throw QpException.invalid("Le paramètre postcode doit être un code postal à 5 chiffres.");
    }
    if (citycode != null && !citycode.matches("[0-9][0-9AB][0-9]{3}")) {
      throw QpException.invalid("Le paramètre citycode doit être un code commune INSEE.");
    }
    if (type != null
        && !type.equals(GeocodeResult.HOUSENUMBER)
        && !type.equals(GeocodeResult.STREET)
        && !type.equals(GeocodeResult.MUNICIPALITY)) {
      throw QpException.invalid("Le paramètre type doit valoir housenumber, street ou municipality.");
    }
  }

  public static GeocodeRequest of(String q) {
    return new GeocodeRequest(q, 1, null, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
