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
  private final int[][] near;
  // A bitmap of the cells present over their bounding range: most queries fall in an empty cell
  // and are answered from it (a few hundred kilobytes, cache-resident) without probing the table.
  private final long minCx;
  private final long minCy;
  private final long width;
  private final long height;
  private final long[] present;
  // When the cells fill their range well (département outlines), an array of entries over the
  // range replaces both the bitmap and the table: one small, cache-resident read per query.
  private final int[] dense;
  // With the bitmap, the table is keyed by the cell's position in the range and holds
  // (position + 1) << 32 | entry in one long: one memory access per probe.
  private final long[] packed;
  private static final long MAX_BITMAP_CELLS = 1L << 26; // 8 MB
  private static final long MAX_DENSE_CELLS = 1L << 20; // 4 MB

  private CellGrid(double cellSize, Map<Long, int[]> cellCandidates, Map<Long, int[]> cellNear,
      Map<Long, Integer> cellCovering) {
    this.cellSize = cellSize;
    int capacity = Integer.highestOneBit(Math.max(16, cellCandidates.size() * 2 + 1)) << 1;
    this.mask = capacity - 1;
    this.covering = new int[cellCandidates.size()];
    this.candidates = new int[cellCandidates.size()][];
    this.near = new int[cellCandidates.size()][];
    long x0 = Long.MAX_VALUE;
    long y0 = Long.MAX_VALUE;
    long x1 = Long.MIN_VALUE;
    long y1 = Long.MIN_VALUE;
    for (long key : cellCandidates.keySet()) {
      x0 = Math.min(x0, cx(key));
      x1 = Math.max(x1, cx(key));
      y0 = Math.min(y0, cy(key));
      y1 = Math.max(y1, cy(key));
    }
    long range = cellCandidates.isEmpty() ? 0 : (x1 - x0 + 1) * (y1 - y0 + 1);
    boolean dense = range > 0 && range <= MAX_DENSE_CELLS && range <= 4L * cellCandidates.size();
    boolean bitmap = !dense && range > 0 && range <= MAX_BITMAP_CELLS;
    this.minCx = x0;
    this.minCy = y0;
    this.width = bitmap || dense ? x1 - x0 + 1 : 0;
    this.height = bitmap || dense ? y1 - y0 + 1 : 0;
    this.present = bitmap ? new long[(int) ((width * height + 63) >>> 6)] : null;
    this.dense = dense ? new int[(int) (width * height)] : null;
    if (dense) {
      Arrays.fill(this.dense, -1);
    }
    this.packed = bitmap ? new long[capacity] : null;
    boolean table = !dense && !bitmap; // the general case: cells keyed by their coordinates
    this.keys = table ? new long[capacity] : null;
    this.slots = table ? new int[capacity] : null;
    if (table) {
      Arrays.fill(slots, -1);
    }
    int entry = 0;
    for (Map.Entry<Long, int[]> e : cellCandidates.entrySet()) {
      long key = e.getKey();
      if (table) {
        int i = hash(key) & mask;
        while (slots[i] != -1) {
          i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = entry;
      }
      if (dense) {
        this.dense[(int) position(cx(key), cy(key))] = entry;
      }
      if (bitmap) {
        long bit = position(cx(key), cy(key));
        present[(int) (bit >>> 6)] |= 1L << bit;
        int j = hash(bit) & mask;
        while (packed[j] != 0) {
          j = (j + 1) & mask;
        }
        packed[j] = (bit + 1) << 32 | entry;
      }
      candidates[entry] = e.getValue();
      near[entry] = cellNear == null ? candidates[entry] : cellNear.getOrDefault(key, NONE);
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
    return build(polygons, cellSize, margin, Double.NaN);
  }

  /**
   * Builds the grid, with for each cell the shorter list of the polygons that may hold part of it
   * or lie within {@code touch} of it ({@link #near}); polygons of no area are always in it. With
   * {@code touch} NaN, no such lists are built and {@link #near} gives all candidates.
   */
  static CellGrid build(List<Geometry> polygons, double cellSize, double margin, double touch) {
    Map<Long, List<Integer>> lists = new HashMap<>();
    Map<Long, List<Integer>> nearLists = new HashMap<>();
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
          if (!Double.isNaN(touch) && (!areal || centreInside || toBoundary <= halfDiagonal + touch)) {
            nearLists.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
          }
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
    Map<Long, int[]> nearArrays = Double.isNaN(touch) ? null : new HashMap<>();
    nearLists.forEach((k, v) -> nearArrays.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return new CellGrid(cellSize, arrays, nearArrays, cover);
  }

  /** Position of a cell in the range of the dense index or bitmap, row by row; -1 outside. */
  private long position(long cx, long cy) {
    long dx = cx - minCx;
    long dy = cy - minCy;
    return dx < 0 || dy < 0 || dx >= width || dy >= height ? -1 : dy * width + dx;
  }

  /** Entry of the cell holding (x, y), or -1 when no polygon is within the margin. */
  int entry(double x, double y) {
    long cx = cell(x, cellSize);
    long cy = cell(y, cellSize);
    if (dense != null) {
      long at = position(cx, cy);
      return at < 0 ? -1 : dense[(int) at];
    }
    if (present != null) {
      long bit = position(cx, cy);
      if (bit < 0 || (present[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return -1;
      }
      long tag = (bit + 1) << 32;
      int i = hash(bit) & mask;
      while (true) {
        long v = packed[i];
        if (v == 0) {
          return -1;
        }
        if ((v & 0xFFFFFFFF00000000L) == tag) {
          return (int) v;
        }
        i = (i + 1) & mask;
      }
    }
    long key = key(cx, cy);
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

  /**
   * The candidates of the entry that may contain a point of its cell or lie within the build's
   * {@code touch} distance of one, and those of no area (empty for -1): every other candidate is
   * farther than that from the whole cell.
   */
  int[] near(int entry) {
    return entry < 0 ? NONE : near[entry];
  }

  /** Polygon covering the whole cell of the entry, or -1. */
  int covering(int entry) {
    return entry < 0 ? -1 : covering[entry];
  }

  /** Polygons within the margin of the entry's cell (empty for -1). */
  int[] candidates(int entry) {
    return entry < 0 ? NONE : candidates[entry];
  }

  /** Receives the indexes of a cell (its lower-left corner over the cell size). */
  @FunctionalInterface
  interface CellVisitor {
    void accept(long cx, long cy);
  }

  /** Visits every cell present (some polygon within the margin), in no particular order. */
  void forEachCell(CellVisitor visitor) {
    if (dense != null) {
      for (int at = 0; at < dense.length; at++) {
        if (dense[at] >= 0) {
          visitor.accept(minCx + at % width, minCy + at / width);
        }
      }
    } else if (present != null) {
      forEachSetBit(present, bit -> visitor.accept(minCx + bit % width, minCy + bit / width));
    } else {
      for (int i = 0; i < keys.length; i++) {
        if (slots[i] != -1) {
          visitor.accept(cx(keys[i]), cy(keys[i]));
        }
      }
    }
  }

  /**
   * Visits the set bits of a bitmap (bit {@code b} in word {@code b >>> 6}), in increasing order:
   * the cells of a row-major bitmap over a bounding range, here and in {@link LandRaster}.
   */
  static void forEachSetBit(long[] bits, java.util.function.LongConsumer action) {
    for (int w = 0; w < bits.length; w++) {
      for (long word = bits[w]; word != 0; word &= word - 1) {
        action.accept(((long) w << 6) + Long.numberOfTrailingZeros(word));
      }
    }
  }

  private static long cell(double v, double size) {
    return (long) Math.floor(v / size);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }

  private static long cx(long key) {
    return key >> 32;
  }

  private static long cy(long key) {
    return (int) key;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
