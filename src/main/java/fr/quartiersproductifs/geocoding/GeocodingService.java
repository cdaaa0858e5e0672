package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.geocoding.batch.AddressBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Geocoding use cases shared by the HTTP API and the command line. */
@Service
public class GeocodingService {
  private final Geocoder geocoder;
  private final ObjectProvider<QpvLocator> locator;
  private final GeocodingProperties properties;

  public GeocodingService(Geocoder geocoder, ObjectProvider<QpvLocator> locator, GeocodingProperties properties) {
    this.geocoder = geocoder;
    this.locator = locator;
    this.properties = properties;
  }

  public List<GeocodeResult> search(GeocodeRequest request) {
    return geocoder.search(request);
  }

  public GeocodingProperties properties() {
    return properties;
  }

  /** Geocodes a CSV stream into another (see {@link AddressBatch}). */
  public AddressBatch.Summary batch(InputStream in, OutputStream out, AddressBatch.Options options) throws IOException {
    return new AddressBatch(geocoder, locator.getIfAvailable(), properties.threads()).run(in, out, options);
  }
}
