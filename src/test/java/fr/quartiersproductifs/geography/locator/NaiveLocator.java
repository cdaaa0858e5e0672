package fr.quartiersproductifs.geography.locator;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.ReferenceGeography;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The straightforward JTS way, as a baseline and an independent check: an STRtree of the QPV in
 * force at one date (projected with the same {@link ZoneProjection}), PreparedGeometry for
 * containment, and plain {@code Geometry.distance} to each candidate's boundary; an STRtree of
 * département outlines for the "in France" test. No grid, no precomputation beyond the trees.
 */
public final class NaiveLocator {
  /** What both locators must agree on. */
  public record Answer(String status, String code, double distance, String nearest) {}

  private record Item(Qpv qpv, PreparedGeometry prepared, Geometry boundary) {}

  private record Dep(String code, PreparedGeometry prepared, Geometry geometry) {}

  private final GeometryFactory factory = new GeometryFactory();
  private final Map<Zone, ZoneProjection> projections = new EnumMap<>(Zone.class);
  private final Map<Zone, STRtree> qpvTrees = new EnumMap<>(Zone.class);
  private final Map<Zone, STRtree> depTrees = new EnumMap<>(Zone.class);
  private final Map<Zone, List<Geometry>> degenerate = new EnumMap<>(Zone.class);

  public NaiveLocator(ReferenceGeography geography, LocalDate date) {
    for (Zone z : Zone.values()) {
      projections.put(z, new ZoneProjection(z));
      qpvTrees.put(z, new STRtree());
      depTrees.put(z, new STRtree());
    }
    for (Qpv q : geography.qpvInForce(date)) {
      Zone zone = Zone.ofDepartement(q.departement());
      Geometry planar = projections.get(zone).project(q.geometry());
      if (planar.getArea() == 0) {
        degenerate.computeIfAbsent(zone, z -> new ArrayList<>()).add(planar);
        continue;
      }
      qpvTrees.get(zone).insert(planar.getEnvelopeInternal(), new Item(q, PreparedGeometryFactory.prepare(planar), planar.getBoundary()));
    }
    for (ReferenceGeography.DepartementOutline o : geography.departementOutlines()) {
      Zone zone = Zone.ofDepartement(o.code());
      Geometry planar = projections.get(zone).project(o.geometry());
      depTrees.get(zone).insert(planar.getEnvelopeInternal(), new Dep(o.code(), PreparedGeometryFactory.prepare(planar), planar));
    }
    qpvTrees.values().forEach(STRtree::build);
    depTrees.values().forEach(STRtree::build);
  }

  public Answer locate(Coordinates c) {
    Zone zone = Zone.ofLonLat(c.x(), c.y());
    if (zone == null) {
      return new Answer("INDETERMINE", null, Double.NaN, null);
    }
    double[] xy = new double[2];
    projections.get(zone).toProjected(c.x(), c.y(), xy);
    Point p = factory.createPoint(new Coordinate(xy[0], xy[1]));
    Envelope search = new Envelope(p.getCoordinate());
    search.expandBy(QpvLocator.NEAREST_MAX_M);
    @SuppressWarnings("unchecked")
    List<Item> candidates = qpvTrees.get(zone).query(search);
    Item nearest = null;
    double best = Double.POSITIVE_INFINITY;
    Item inside = null;
    for (Item item : candidates) {
      if (item.prepared().covers(p)) {
        if (inside == null || item.qpv().code().compareTo(inside.qpv().code()) < 0) {
          inside = item; // overlapping contours: the smallest code, as the product does
        }
        continue;
      }
      double d = item.boundary().distance(p);
      if (d < best) {
        best = d;
        nearest = item;
      }
    }
    if (inside != null) {
      return new Answer("DANS_QPV", inside.qpv().code(), inside.boundary().distance(p), null);
    }
    if (nearest != null && best <= QpvLocator.ON_BOUNDARY_M) {
      return new Answer("DANS_QPV", nearest.qpv().code(), 0, null);
    }
    Envelope around = new Envelope(p.getCoordinate());
    around.expandBy(QpvLocator.COAST_TOLERANCE_M);
    @SuppressWarnings("unchecked")
    List<Dep> deps = new ArrayList<>(depTrees.get(zone).query(around));
    boolean inFrance = deps.stream().anyMatch(d -> d.prepared().covers(p) || d.geometry().distance(p) <= QpvLocator.COAST_TOLERANCE_M);
    if (!inFrance) {
      return new Answer("INDETERMINE", null, Double.NaN, null);
    }
    // Same rule as the product: no conclusion within 1 km of a contour collapsed to a point.
    for (Geometry g : degenerate.getOrDefault(zone, List.of())) {
      if (g.distance(p) <= QpvLocator.NEAREST_MAX_M) {
        return new Answer("INDETERMINE", null, Double.NaN, null);
      }
    }
    return nearest != null && best <= QpvLocator.NEAREST_MAX_M
        ? new Answer("HORS_QPV", null, best, nearest.qpv().code())
        : new Answer("HORS_QPV", null, Double.NaN, null);
  }
}
