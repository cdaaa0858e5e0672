package fr.quartiersproductifs.geocoding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Geocoding settings ({@code qp.geocodage.*}).
 *
 * @param scoreMin below this score an address is not located in or out of a QPV (default 0.8)
 * @param csvMaxBytes largest CSV accepted by {@code POST /search/csv/} (default 50 MB)
 * @param threads threads of a batch (default: the number of processors)
 */
@ConfigurationProperties(prefix = "qp.geocodage")
public record GeocodingProperties(Double scoreMin, Long csvMaxBytes, Integer threads) {
  public GeocodingProperties {
    if (scoreMin == null) {
      scoreMin = 0.8;
    }
    if (scoreMin < 0 || scoreMin > 1) {
      throw new IllegalArgumentException("qp.geocodage.score-min doit être compris entre 0 et 1");
    }
    if (csvMaxBytes == null) {
      csvMaxBytes = 50L * 1024 * 1024;
    }
    if (threads == null || threads < 1) {
      threads = Runtime.getRuntime().availableProcessors();
    }
  }

  public static GeocodingProperties defaults() {
    return new GeocodingProperties(null, null, null);
  }
}
