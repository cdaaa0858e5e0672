package fr.quartiersproductifs.economy.bench;

import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.geography.QpvStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Benchmark-only stand-in for the foundation's locator when it is not available: projection with
 * proj4j, STR-tree of the 2024 QPV contours, prepared polygons. Same data, same kind of work.
 */
public final class GeoJsonQpvLocator implements PointLocator {
  private record Entry(String code, PreparedGeometry geometry) {}

  private final STRtree tree = new STRtree();
  private final GeometryFactory gf = new GeometryFactory();
  private final ThreadLocal<Map<Integer, CoordinateTransform>> transforms = ThreadLocal.withInitial(HashMap::new);
  private final CRSFactory crs = new CRSFactory();
  private final CoordinateTransformFactory ctf = new CoordinateTransformFactory();

  public GeoJsonQpvLocator(Path dataDir) throws IOException {
    GeoJsonReader reader = new GeoJsonReader(gf);
    for (JsonNode f : new ObjectMapper().readTree(dataDir.resolve("reference/qpv/qpv2024_contours_simplifies.geojson").toFile()).path("features")) {
      try {
        Geometry g = reader.read(f.path("geometry").toString());
        tree.insert(g.getEnvelopeInternal(), new Entry(f.path("properties").path("code_qp").asString(), PreparedGeometryFactory.prepare(g)));
      } catch (org.locationtech.jts.io.ParseException e) {
        throw new IOException(e);
      }
    }
    tree.build();
  }

  @Override
  public Located locate(double x, double y, int epsg, LocalDate date) {
    double lon = x;
    double lat = y;
    if (epsg != 4326) {
      CoordinateTransform t = transforms.get().computeIfAbsent(epsg,
          e -> ctf.createTransform(crs.createFromName("EPSG:" + e), crs.createFromName("EPSG:4326")));
      ProjCoordinate out = t.transform(new ProjCoordinate(x, y), new ProjCoordinate());
      lon = out.x;
      lat = out.y;
    }
    Point p = gf.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Entry> candidates = tree.query(p.getEnvelopeInternal());
    for (Entry e : candidates) {
      if (e.geometry().covers(p)) {
        return new Located(QpvStatus.DANS_QPV, e.code());
      }
    }
    return new Located(QpvStatus.HORS_QPV, null);
  }
}
