package fr.quartiersproductifs.geography.locator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * A sparse grid of square cells over planar polygons, precomputed once so that most queries need
 * no geometry at all. Each cell that may lie within {@code margin} of a polygon stores the
 * polygons that may (a superset: the query still tests them exactly), and the polygon that covers
 * the whole cell, if any (exact: the cell's centre is inside, farther from the boundary than the
 * half-diagonal). A point whose cell is absent is farther than {@code margin} from every polygon.
 *
 * <p>Cells are kept in an open-addressing hash table (cell key → entry), entries in flat arrays.
 */
final class CellGrid {
  private static final int[] NONE = new int[0];

  private final double cellSize;
  private final long[] keys;
  private final int[] slots;
  private final int mask;
  private final int[] covering;
  private final int[][] candidates;

  private CellGrid(double cellSize, Map<Long, int[]> cellCandidates, Map<Long, Integer> cellCovering) {
    this.cellSize = cellSize;
    int capacity = Integer.highestOneBit(Math.max(16, cellCandidates.size() * 2 + 1)) << 1;
    this.keys = new long[capacity];
    this.slots = new int[capacity];
    Arrays.fill(slots, -1);
    this.mask = capacity - 1;
    this.covering = new int[cellCandidates.size()];
    this.candidates = new int[cellCandidates.size()][];
    int entry = 0;
    for (Map.Entry<Long, int[]> e : cellCandidates.entrySet()) {
      long key = e.getKey();
      int i = hash(key) & mask;
      while (slots[i] != -1) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      slots[i] = entry;
      candidates[entry] = e.getValue();
      covering[entry] = cellCovering.getOrDefault(key, -1);
      entry++;
    }
  }

  /**
   * Builds the grid.
   *
   * @param polygons planar geometries; a null or zero-area one is indexed by distance only
   * @param cellSize cell side, in the polygons' units
   * @param margin distance within which a polygon is a candidate for a cell
   */
  static CellGrid build(List<Geometry> polygons, double cellSize, double margin) {
    Map<Long, List<Integer>> lists = new HashMap<>();
    Map<Long, Integer> cover = new HashMap<>();
    java.util.Set<Long> overlapping = new java.util.HashSet<>();
    Map<Long, Integer> reaching = new HashMap<>();
    double halfDiagonal = cellSize * Math.sqrt(2) / 2;
    Coordinate centre = new Coordinate();
    for (int id = 0; id < polygons.size(); id++) {
      Geometry g = polygons.get(id);
      if (g == null || g.isEmpty()) {
        continue;
      }
      boolean areal = g.getArea() > 0;
      IndexedPointInAreaLocator inside = areal ? new IndexedPointInAreaLocator(g) : null;
      SegmentDistance boundary = new SegmentDistance(g);
      Envelope env = new Envelope(g.getEnvelopeInternal());
      env.expandBy(margin);
      long x0 = cell(env.getMinX(), cellSize);
      long x1 = cell(env.getMaxX(), cellSize);
      long y0 = cell(env.getMinY(), cellSize);
      long y1 = cell(env.getMaxY(), cellSize);
      for (long cx = x0; cx <= x1; cx++) {
        for (long cy = y0; cy <= y1; cy++) {
          // Conservative tests from the cell centre: every point of the cell is within
          // halfDiagonal of it.
          centre.x = (cx + 0.5) * cellSize;
          centre.y = (cy + 0.5) * cellSize;
          double toBoundary = boundary.distance(centre.x, centre.y);
          boolean centreInside = areal && inside.locate(centre) != Location.EXTERIOR;
          if (!centreInside && toBoundary > margin + halfDiagonal) {
            continue; // the whole cell is farther than the margin
          }
          long key = key(cx, cy);
          lists.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
          if (centreInside || toBoundary <= halfDiagonal) {
            // this polygon may hold part of the cell: a covering by another one is then not
            // trusted (overlapping contours are left to the exact test)
            if (reaching.merge(key, 1, Integer::sum) > 1) {
              overlapping.add(key);
            }
          }
          if (centreInside && toBoundary > halfDiagonal) {
            // the whole cell is strictly inside; a cell inside two overlapping polygons is left
            // to the exact test, so that the answer does not depend on the order of polygons
            Integer previous = cover.putIfAbsent(key, id);
            if (previous != null && previous != id) {
              overlapping.add(key);
            }
          }
        }
      }
    }
    overlapping.forEach(cover::remove);
    Map<Long, int[]> arrays = new HashMap<>();
    lists.forEach((k, v) -> arrays.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return new CellGrid(cellSize, arrays, cover);
  }

  /** Entry of the cell holding (x, y), or -1 when no polygon is within the margin. */
  int entry(double x, double y) {
    long key = key(cell(x, cellSize), cell(y, cellSize));
    int i = hash(key) & mask;
    while (true) {
      int slot = slots[i];
      if (slot == -1) {
        return -1;
      }
      if (keys[i] == key) {
        return slot;
      }
      i = (i + 1) & mask;
    }
  }

  /** Polygon covering the whole cell of the entry, or -1. */
  int covering(int entry) {
    return entry < 0 ? -1 : covering[entry];
  }

  /** Polygons within the margin of the entry's cell (empty for -1). */
  int[] candidates(int entry) {
    return entry < 0 ? NONE : candidates[entry];
  }

  int cellCount() {
    return candidates.length;
  }

  private static long cell(double v, double size) {
    return (long) Math.floor(v / size);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
