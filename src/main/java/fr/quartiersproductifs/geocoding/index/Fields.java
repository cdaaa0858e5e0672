package fr.quartiersproductifs.geocoding.index;

/** Field names of the address index. */
final class Fields {
  private Fields() {}

  static final String KIND = "kind";
  static final String STREET = "street";
  static final String MUNICIPALITY = "municipality";
  static final String HOUSENUMBER = "housenumber";

  /** Searchable words of street and municipality documents (normalised, whitespace-separated). */
  static final String TOKENS = "tokens";
  static final String CITYCODE = "citycode";
  static final String POSTCODE = "postcode";
  /** Import batch that wrote the document (used to drop the previous documents of a commune). */
  static final String BATCH = "batch";
  /** Street key + number + repetition index, for the exact house number lookup. */
  static final String HN = "hn";
  /** Street key + number, for the lookup without repetition index. */
  static final String HN_NUMBER = "hn_number";

  /**
   * Everything a search returns about a document, as one binary doc value (fields separated by
   * U+0001): read without the decompression of stored fields.
   */
  static final String PAYLOAD = "payload";

  static final char SEP = '\u0001';

  // payload parts
  static final String KEY = "key";
  static final String ID = "id";
  static final String NAME = "name";
  static final String NAME_N = "name_n";
  static final String CITY = "city";
  static final String CITY_N = "city_n";
  static final String POSTCODES = "postcodes";
  static final String NUMBER = "number";
  static final String REP = "rep";
  static final String LON = "lon";
  static final String LAT = "lat";
  static final String X = "x";
  static final String Y = "y";
}
