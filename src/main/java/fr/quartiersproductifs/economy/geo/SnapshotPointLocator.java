package fr.quartiersproductifs.economy.geo;

import fr.quartiersproductifs.economy.EconomyGeography;
import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.geography.ReferenceGeography;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.stereotype.Component;

/**
 * Locates establishments against the QPV contours of the current reference snapshot: proj4j from
 * the point's EPSG to WGS84, STR-tree of the QPV in force at the date, prepared polygons
 * ({@code covers}: a point on the boundary is inside, as in the foundation). The index is rebuilt
 * when the snapshot or the date changes. Outside metropolitan France and the overseas
 * départements with a QPV list, a point outside every QPV is HORS_QPV (the SIRENE file covers
 * only France). Thread-safe.
 */
@Component
public class SnapshotPointLocator implements PointLocator {
  private record Entry(String code, PreparedGeometry geometry) {}

  private record Index(ReferenceGeography snapshot, LocalDate date, STRtree tree) {}

  private final EconomyGeography geography;
  private final GeometryFactory gf = new GeometryFactory();
  private final CRSFactory crs = new CRSFactory();
  private final CoordinateTransformFactory ctf = new CoordinateTransformFactory();
  private final ThreadLocal<Map<Integer, CoordinateTransform>> transforms =
      ThreadLocal.withInitial(HashMap::new);
  private volatile Index index;

  public SnapshotPointLocator(EconomyGeography geography) {
    this.geography = geography;
  }

  private Index index(LocalDate date) {
    ReferenceGeography current = geography.current();
    Index i = index;
    if (i != null && i.snapshot() == current && i.date().equals(date)) {
      return i;
    }
    synchronized (this) {
      i = index;
      if (i != null && i.snapshot() == current && i.date().equals(date)) {
        return i;
      }
      STRtree tree = new STRtree();
      for (Qpv q : current.qpvInForce(date)) {
        tree.insert(q.geometry().getEnvelopeInternal(), new Entry(q.code(), PreparedGeometryFactory.prepare(q.geometry())));
      }
      tree.build();
      index = i = new Index(current, date, tree);
      return i;
    }
  }

  @Override
  public Located locate(double x, double y, int epsg, LocalDate date) {
    double lon = x;
    double lat = y;
    if (epsg != 4326) {
      CoordinateTransform t = transforms.get().computeIfAbsent(epsg,
          e -> ctf.createTransform(crs.createFromName("EPSG:" + e), crs.createFromName("EPSG:4326")));
      ProjCoordinate out;
      try {
        out = t.transform(new ProjCoordinate(x, y), new ProjCoordinate());
      } catch (RuntimeException e) {
        return new Located(QpvStatus.INDETERMINE, null);
      }
      lon = out.x;
      lat = out.y;
    }
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return new Located(QpvStatus.INDETERMINE, null);
    }
    Point p = gf.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Entry> candidates = index(date).tree().query(p.getEnvelopeInternal());
    for (Entry e : candidates) {
      if (e.geometry().covers(p)) {
        return new Located(QpvStatus.DANS_QPV, e.code());
      }
    }
    return new Located(QpvStatus.HORS_QPV, null);
  }
}
