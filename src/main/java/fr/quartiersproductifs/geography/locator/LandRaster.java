package fr.quartiersproductifs.geography.locator;

import java.util.List;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

/**
 * A bitmap over a zone saying where a point is sure to be given a département by {@link
 * QpvLocator}'s département test, without running it: the bit of a square cell is set when the
 * cell's centre lies in one of the zone's département outlines.
 *
 * <p>Why that is enough: the cell side {@code s} is chosen so that its half-diagonal is at most
 * the coast tolerance {@code t}. A point {@code p} of a cell whose centre {@code c} lies in
 * département D is within {@code |p - c| <= s * sqrt(2) / 2 <= t} of D: either inside it, or within
 * {@code t} of its outline (the segment from {@code c} to {@code p} crosses it). The cells nest in
 * the département grid's cells ({@code s} divides its side), so D is a candidate of {@code p}'s
 * grid cell, and the département test answers some département for {@code p}. The bit says
 * nothing of which one: {@link QpvLocator#status} uses it only where a QPV list applies in every
 * département of the zone.
 *
 * <p>Cells inside a grid cell covered by one département are set without a geometric test; the
 * others cost one point-in-polygon test per candidate, once, when the locator is built.
 */
final class LandRaster {
  private final double side;
  private final long minCx;
  private final long minCy;
  private final long width;
  private final long height;
  private final long[] bits;

  private LandRaster(double side, long minCx, long minCy, long width, long height, long[] bits) {
    this.side = side;
    this.minCx = minCx;
    this.minCy = minCy;
    this.width = width;
    this.height = height;
    this.bits = bits;
  }

  /**
   * @param extent the département outlines' envelope
   * @param grid the département grid (cells of {@code gridSide}, candidates within {@code tolerance})
   * @param inside a point locator per département, by the grid's polygon index
   */
  static LandRaster build(Envelope extent, CellGrid grid, double gridSide, double tolerance,
      List<? extends PointOnGeometryLocator> inside) {
    // The largest side that divides the grid's side and keeps the half-diagonal within tolerance.
    int split = 1;
    while (gridSide / split * Math.sqrt(2) / 2 > tolerance) {
      split *= 2;
    }
    double side = gridSide / split;
    long minCx = (long) Math.floor(extent.getMinX() / side);
    long minCy = (long) Math.floor(extent.getMinY() / side);
    long width = (long) Math.floor(extent.getMaxX() / side) - minCx + 1;
    long height = (long) Math.floor(extent.getMaxY() / side) - minCy + 1;
    if (extent.isNull() || width * height > (1L << 26)) {
      return new LandRaster(side, 0, 0, 0, 0, new long[0]); // nothing is sure: the full test runs
    }
    long[] bits = new long[(int) ((width * height + 63) >>> 6)];
    Coordinate c = new Coordinate();
    for (long j = 0; j < height; j++) {
      for (long i = 0; i < width; i++) {
        c.x = (minCx + i + 0.5) * side;
        c.y = (minCy + j + 0.5) * side;
        int entry = grid.entry(c.x, c.y);
        boolean land = grid.covering(entry) >= 0;
        int[] candidates = grid.candidates(entry);
        for (int k = 0; !land && k < candidates.length; k++) {
          land = inside.get(candidates[k]).locate(c) != Location.EXTERIOR;
        }
        if (land) {
          long bit = j * width + i;
          bits[(int) (bit >>> 6)] |= 1L << bit;
        }
      }
    }
    return new LandRaster(side, minCx, minCy, width, height, bits);
  }

  /**
   * The cells of this raster that are also farther than the grid's margin from every polygon of
   * {@code far}: a cell keeps its bit only when every cell of {@code far} it overlaps is absent
   * (one more cell around, for the rounding of the two divisions). For {@link QpvLocator#status},
   * a point of such a cell has no QPV within reach and some département: HORS_QPV where every
   * département of the zone allows it, without the QPV grid. Walks the present cells of {@code
   * far} (around the polygons), not the raster (the whole zone).
   */
  LandRaster withoutCellsNear(CellGrid far, double farSide) {
    long[] out = bits.clone();
    double ratio = farSide / side;
    far.forEachCell((fx, fy) -> {
      // The raster cells whose overlap (one more around) may hold far cell (fx, fy): an interval
      // on each axis, taken one wider and filtered by the exact test.
      long i1 = (long) Math.ceil((fx + 2) * ratio) + 1;
      long j1 = (long) Math.ceil((fy + 2) * ratio) + 1;
      for (long j = (long) Math.floor((fy - 1) * ratio) - 2; j <= j1; j++) {
        for (long i = (long) Math.floor((fx - 1) * ratio) - 2; i <= i1; i++) {
          long dx = i - minCx;
          long dy = j - minCy;
          if (dx >= 0 && dy >= 0 && dx < width && dy < height && overlaps(i, fx, farSide) && overlaps(j, fy, farSide)) {
            long bit = dy * width + dx;
            out[(int) (bit >>> 6)] &= ~(1L << bit);
          }
        }
      }
    });
    return new LandRaster(side, minCx, minCy, width, height, out);
  }

  /**
   * Whether cell {@code f} of a grid of side {@code farSide} is among those that raster cell
   * {@code c} overlaps on one axis, one more on each side.
   */
  private boolean overlaps(long c, long f, double farSide) {
    double from = c * side;
    return (long) Math.floor(from / farSide) - 1 <= f && f <= (long) Math.floor((from + side) / farSide) + 1;
  }

  /** True when the département test is sure to find a département for the point. */
  boolean sure(double x, double y) {
    long dx = (long) Math.floor(x / side) - minCx;
    long dy = (long) Math.floor(y / side) - minCy;
    if (dx < 0 || dy < 0 || dx >= width || dy >= height) {
      return false;
    }
    long bit = dy * width + dx;
    return (bits[(int) (bit >>> 6)] & (1L << bit)) != 0;
  }

  double side() {
    return side;
  }

  /** Visits the lower-left corner of every cell whose bit is set. */
  void forEachSureCell(java.util.function.BiConsumer<Double, Double> lowerLeft) {
    CellGrid.forEachSetBit(bits, bit -> lowerLeft.accept((minCx + bit % width) * side, (minCy + bit / width) * side));
  }
}
