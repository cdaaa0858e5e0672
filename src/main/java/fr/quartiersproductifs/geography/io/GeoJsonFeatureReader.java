package fr.quartiersproductifs.geography.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the features of a GeoJSON FeatureCollection one at a time, so that a national file of
 * any size is read in bounded memory. Coordinates are taken as WGS84 longitude/latitude (CRS84,
 * the only CRS of RFC 7946 and of the ANCT files).
 */
public final class GeoJsonFeatureReader {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /** One feature: its 1-based number in the file, properties, and geometry or parse error. */
  public record Feature(int number, JsonNode properties, Geometry geometry, String error) {
    public String text(String property) {
      JsonNode node = properties.path(property);
      if (node.isMissingNode() || node.isNull()) {
        return null;
      }
      String s = node.asString().trim();
      return s.isEmpty() ? null : s;
    }
  }

  /** Receives features in file order. */
  @FunctionalInterface
  public interface FeatureHandler {
    void accept(Feature feature);
  }

  private GeoJsonFeatureReader() {}

  public static void read(Path file, FeatureHandler handler) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      read(in, handler);
    }
  }

  public static void read(InputStream in, FeatureHandler handler) {
    GeoJsonReader geometryReader = new GeoJsonReader(FACTORY);
    try (JsonParser parser = MAPPER.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("Le fichier n'est pas un objet GeoJSON.");
      }
      boolean sawFeatures = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("features".equals(name) && value == JsonToken.START_ARRAY) {
          sawFeatures = true;
          int number = 0;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            number++;
            JsonNode feature = MAPPER.readTree(parser);
            handler.accept(toFeature(number, feature, geometryReader));
          }
        } else {
          parser.skipChildren();
        }
      }
      if (!sawFeatures) {
        throw new IllegalArgumentException(
            "Le fichier GeoJSON n'a pas de tableau \"features\" (FeatureCollection attendue).");
      }
    }
  }

  private static Feature toFeature(int number, JsonNode feature, GeoJsonReader reader) {
    JsonNode properties = feature.path("properties");
    JsonNode geometry = feature.path("geometry");
    if (geometry.isMissingNode() || geometry.isNull()) {
      return new Feature(number, properties, null, "géométrie absente");
    }
    try {
      Geometry g = reader.read(geometry.toString());
      g.setSRID(4326);
      return new Feature(number, properties, g, null);
    } catch (ParseException | RuntimeException e) {
      return new Feature(number, properties, null, "géométrie illisible : " + e.getMessage());
    }
  }
}
