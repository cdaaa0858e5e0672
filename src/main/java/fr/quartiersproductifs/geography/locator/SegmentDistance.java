package fr.quartiersproductifs.geography.locator;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Distance from a point to the boundary of a planar geometry, without allocation per query: the
 * boundary segments are stored in flat arrays, grouped in chunks of {@value #CHUNK} consecutive
 * segments with their bounding box, and a chunk is scanned only when its box is closer than the
 * best distance found so far. Equivalent to {@code geometry.getBoundary().distance(point)} (JTS's
 * {@code IndexedFacetDistance} gives the same value but builds an index of the query point on every
 * call, which dominated the cost of a query). For a point geometry, the distance to that point.
 */
final class SegmentDistance {
  static final int CHUNK = 16;

  private final double[] x1;
  private final double[] y1;
  private final double[] x2;
  private final double[] y2;
  private final int[] chunkStart;
  private final int[] chunkEnds;
  private final double[] chunkBox; // minX, minY, maxX, maxY per chunk

  SegmentDistance(Geometry geometry) {
    List<double[]> segments = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        addRing(polygon.getExteriorRing(), segments, starts);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          addRing(polygon.getInteriorRingN(h), segments, starts);
        }
      } else if (part instanceof LineString line) {
        addRing(line, segments, starts);
      } else if (part instanceof Point point && !point.isEmpty()) {
        starts.add(segments.size());
        segments.add(new double[] {point.getX(), point.getY(), point.getX(), point.getY()});
      }
    }
    int n = segments.size();
    x1 = new double[n];
    y1 = new double[n];
    x2 = new double[n];
    y2 = new double[n];
    for (int i = 0; i < n; i++) {
      double[] s = segments.get(i);
      x1[i] = s[0];
      y1[i] = s[1];
      x2[i] = s[2];
      y2[i] = s[3];
    }
    // chunks never straddle rings (starts) so that each chunk box is tight
    List<Integer> chunks = new ArrayList<>();
    for (int r = 0; r < starts.size(); r++) {
      int from = starts.get(r);
      int to = r + 1 < starts.size() ? starts.get(r + 1) : n;
      for (int c = from; c < to; c += CHUNK) {
        chunks.add(c);
      }
    }
    chunkStart = new int[chunks.size()];
    chunkEnds = new int[chunks.size()];
    chunkBox = new double[chunks.size() * 4];
    List<Integer> ringEnds = new ArrayList<>(starts.subList(1, starts.size()));
    ringEnds.add(n);
    for (int c = 0; c < chunks.size(); c++) {
      int from = chunks.get(c);
      int ringEnd = n;
      for (int e : ringEnds) {
        if (e > from) {
          ringEnd = e;
          break;
        }
      }
      int to = Math.min(from + CHUNK, ringEnd);
      chunkStart[c] = from;
      chunkEnds[c] = to;
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        minX = Math.min(minX, Math.min(x1[i], x2[i]));
        maxX = Math.max(maxX, Math.max(x1[i], x2[i]));
        minY = Math.min(minY, Math.min(y1[i], y2[i]));
        maxY = Math.max(maxY, Math.max(y1[i], y2[i]));
      }
      chunkBox[4 * c] = minX;
      chunkBox[4 * c + 1] = minY;
      chunkBox[4 * c + 2] = maxX;
      chunkBox[4 * c + 3] = maxY;
    }
  }

  private static void addRing(LineString ring, List<double[]> segments, List<Integer> starts) {
    Coordinate[] c = ring.getCoordinates();
    if (c.length == 0) {
      return;
    }
    starts.add(segments.size());
    if (c.length == 1) {
      segments.add(new double[] {c[0].x, c[0].y, c[0].x, c[0].y});
    }
    for (int i = 0; i + 1 < c.length; i++) {
      segments.add(new double[] {c[i].x, c[i].y, c[i + 1].x, c[i + 1].y});
    }
  }

  /** Distance from (x, y) to the nearest segment; +∞ for an empty geometry. */
  double distance(double x, double y) {
    double best2 = Double.POSITIVE_INFINITY;
    int chunks = chunkEnds.length;
    for (int c = 0; c < chunks; c++) {
      double dx = Math.max(Math.max(chunkBox[4 * c] - x, 0), x - chunkBox[4 * c + 2]);
      double dy = Math.max(Math.max(chunkBox[4 * c + 1] - y, 0), y - chunkBox[4 * c + 3]);
      if (dx * dx + dy * dy >= best2) {
        continue;
      }
      for (int i = chunkStart[c], end = chunkEnds[c]; i < end; i++) {
        double d2 = segmentDistance2(x, y, x1[i], y1[i], x2[i], y2[i]);
        if (d2 < best2) {
          best2 = d2;
        }
      }
    }
    return Math.sqrt(best2);
  }

  /**
   * Whether (x, y) lies inside the areal geometry or on its boundary: exactly what JTS's {@code
   * IndexedPointInAreaLocator} answers as {@code INTERIOR} or {@code BOUNDARY} (not {@code
   * EXTERIOR}), by the same rule, without allocation. A horizontal ray from the point towards +x
   * crosses the rings' segments; a segment counts when it straddles the ray's height (an upward
   * segment with its start, a downward one with its end, so that a shared vertex counts once) and
   * the point is on its left, by JTS's exact orientation test; a point on a segment is on the
   * boundary. Odd crossings: inside. Chunks entirely to the left of the point or away from its
   * height hold no segment that counts.
   */
  boolean covers(double x, double y) {
    int crossings = 0;
    for (int c = 0, chunks = chunkEnds.length; c < chunks; c++) {
      if (y < chunkBox[4 * c + 1] || y > chunkBox[4 * c + 3] || chunkBox[4 * c + 2] < x) {
        continue;
      }
      for (int i = chunkStart[c], end = chunkEnds[c]; i < end; i++) {
        double ax = x1[i];
        double ay = y1[i];
        double bx = x2[i];
        double by = y2[i];
        if (ax < x && bx < x) {
          continue;
        }
        if (x == bx && y == by) {
          return true;
        }
        if (ay == y && by == y) {
          if (x >= Math.min(ax, bx) && x <= Math.max(ax, bx)) {
            return true;
          }
          continue;
        }
        if ((ay > y && by <= y) || (by > y && ay <= y)) {
          int orientation = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, x, y);
          if (orientation == 0) {
            return true;
          }
          if (by < ay) {
            orientation = -orientation;
          }
          if (orientation > 0) {
            crossings++;
          }
        }
      }
    }
    return (crossings & 1) == 1;
  }

  private static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
    double vx = bx - ax;
    double vy = by - ay;
    double len2 = vx * vx + vy * vy;
    double t = len2 == 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / len2;
    if (t < 0) {
      t = 0;
    } else if (t > 1) {
      t = 1;
    }
    double dx = ax + t * vx - px;
    double dy = ay + t * vy - py;
    return dx * dx + dy * dy;
  }
}
