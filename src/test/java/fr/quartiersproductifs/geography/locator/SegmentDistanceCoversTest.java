package fr.quartiersproductifs.geography.locator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.geography.Qpv;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * {@link SegmentDistance#covers} answers as JTS's {@code IndexedPointInAreaLocator} does (inside or
 * on the boundary, against outside), which the locator's status path relies on, on the real
 * contours of every QPV in force: exactly on their vertices and at the middle of their edges (the
 * boundary cases), a hair away from the vertices on either side in x and in y (where the crossing
 * rule for shared vertices and horizontal edges decides), and at random in their envelopes.
 */
class SegmentDistanceCoversTest {

  @Test
  void coversAnswersAsJtsOnTheRealContoursOfEveryQpv() {
    Map<Zone, ZoneProjection> projections = new EnumMap<>(Zone.class);
    Random random = new Random(20261128);
    long[] outcomes = new long[3]; // outside, inside, on the boundary (by JTS)
    int contours = 0;
    for (Qpv q : TestGeography.load().qpvInForce(LocalDate.of(2025, 6, 1))) {
      Zone zone = Zone.ofDepartement(q.departement());
      Geometry planar = projections.computeIfAbsent(zone, ZoneProjection::new).project(q.geometry());
      if (!(planar.getArea() > 0)) {
        continue; // degenerate contours are never asked (PlanarQpv.degenerate)
      }
      contours++;
      IndexedPointInAreaLocator jts = new IndexedPointInAreaLocator(planar);
      SegmentDistance ours = new SegmentDistance(planar);
      Coordinate[] vertices = planar.getCoordinates();
      int step = Math.max(1, vertices.length / 48);
      for (int i = 0; i < vertices.length; i += step) {
        Coordinate v = vertices[i];
        check(jts, ours, v.x, v.y, outcomes, q);
        if (i + 1 < vertices.length) {
          check(jts, ours, (v.x + vertices[i + 1].x) / 2, (v.y + vertices[i + 1].y) / 2, outcomes, q);
        }
        for (double d : new double[] {1e-7, 1e-3}) {
          check(jts, ours, v.x + d, v.y, outcomes, q);
          check(jts, ours, v.x - d, v.y, outcomes, q);
          check(jts, ours, v.x, v.y + d, outcomes, q);
          check(jts, ours, v.x, v.y - d, outcomes, q);
        }
        check(jts, ours, Math.nextUp(v.x), v.y, outcomes, q);
        check(jts, ours, v.x, Math.nextDown(v.y), outcomes, q);
      }
      Envelope e = planar.getEnvelopeInternal();
      for (int k = 0; k < 40; k++) {
        check(jts, ours, e.getMinX() + random.nextDouble() * e.getWidth(),
            e.getMinY() + random.nextDouble() * e.getHeight(), outcomes, q);
      }
    }
    assertThat(contours).isGreaterThan(1_500);
    // Every kind of answer was met many times, so the comparison above cannot pass vacuously.
    assertThat(java.util.Arrays.stream(outcomes).boxed().toList()).allSatisfy(n -> assertThat(n).isGreaterThan(10_000L));
  }

  /**
   * Shapes written for the rule's corner cases, every point of a fine lattice over them (edges,
   * vertices and the lattice share coordinates): horizontal edges at the point's height, vertices
   * shared by an upward and a downward edge, a hole, two polygons, a spike.
   */
  @Test
  void coversAnswersAsJtsOnHandWrittenShapesAtEveryLatticePoint() throws Exception {
    String[] shapes = {
      "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))",
      "POLYGON ((0 0, 4 0, 4 4, 6 4, 6 0, 10 0, 10 10, 0 10, 0 0))",
      "POLYGON ((0 5, 5 0, 10 5, 8 5, 8 8, 2 8, 2 5, 0 5))",
      "MULTIPOLYGON (((0 0, 3 0, 3 3, 0 3, 0 0)), ((5 5, 9 5, 7 9, 5 5)))",
      "POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))",
    };
    long[] outcomes = new long[3];
    for (String wkt : shapes) {
      Geometry g = new org.locationtech.jts.io.WKTReader().read(wkt);
      IndexedPointInAreaLocator jts = new IndexedPointInAreaLocator(g);
      SegmentDistance ours = new SegmentDistance(g);
      for (double x = -1; x <= 11; x += 0.5) {
        for (double y = -1; y <= 11; y += 0.5) {
          int location = jts.locate(new Coordinate(x, y));
          outcomes[location == Location.EXTERIOR ? 0 : location == Location.INTERIOR ? 1 : 2]++;
          assertThat(ours.covers(x, y)).as("%s at %s %s", wkt, x, y).isEqualTo(location != Location.EXTERIOR);
        }
      }
    }
    assertThat(java.util.Arrays.stream(outcomes).boxed().toList()).allSatisfy(n -> assertThat(n).isGreaterThan(100L));
  }

  private static void check(IndexedPointInAreaLocator jts, SegmentDistance ours, double x, double y, long[] outcomes,
      Qpv q) {
    // (on the real contours)
    int location = jts.locate(new Coordinate(x, y));
    outcomes[location == Location.EXTERIOR ? 0 : location == Location.INTERIOR ? 1 : 2]++;
    assertThat(ours.covers(x, y)).as("%s at %s %s", q.code(), x, y).isEqualTo(location != Location.EXTERIOR);
  }
}
