package fr.quartiersproductifs.geography.locator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The land raster's promise, checked where it is hardest to keep: at the four corners of every
 * cell it marks sure (the points farthest from the centre that was tested), in every zone, on the
 * real département outlines, the département test finds a département.
 */
class LandRasterTest {

  @Test
  void everyCornerOfASureCellGetsADepartement() {
    QpvLocator locator = LocatorAgreementTest.LOCATOR;
    for (Zone zone : Zone.values()) {
      LandRaster land = locator.land(zone);
      if (land == null) {
        continue;
      }
      double side = land.side();
      long[] sure = {0};
      List<String> lost = new ArrayList<>();
      land.forEachSureCell((x0, y0) -> {
        sure[0]++;
        for (double[] c : corners(x0, y0, side)) {
          assertThat(land.sure(c[0], c[1])).isTrue();
          if (locator.departement(zone, c[0], c[1]) == null && lost.size() < 5) {
            lost.add(zone + " " + c[0] + " " + c[1]);
          }
        }
      });
      assertThat(sure[0]).as("sure cells in %s", zone).isPositive();
      assertThat(lost).as("corners of sure cells without a département in %s", zone).isEmpty();
    }
  }

  /**
   * The cells with no QPV within reach, where the status path answers HORS_QPV without the QPV
   * grid: at the corners of each such cell that borders a cell without that promise (where a QPV
   * is nearest), the full answer is HORS_QPV, at more than the 1 km reach from every QPV; in every
   * zone with QPV.
   */
  @Test
  void cornersOfCellsFarFromEveryQpvAreOutOfEveryQpv() {
    QpvLocator locator = LocatorAgreementTest.LOCATOR;
    java.time.LocalDate date = LocatorAgreementTest.DATE;
    for (Zone zone : Zone.values()) {
      LandRaster clear = locator.clear(zone, date);
      LandRaster land = locator.land(zone);
      if (clear == null) {
        continue;
      }
      double side = clear.side();
      long[] counts = {0, 0, 0}; // clear cells, checked ones, land cells
      land.forEachSureCell((x0, y0) -> counts[2]++);
      List<String> wrong = new ArrayList<>();
      clear.forEachSureCell((x0, y0) -> {
        counts[0]++;
        double cx = x0 + side / 2;
        double cy = y0 + side / 2;
        assertThat(land.sure(cx, cy)).isTrue();
        boolean border = false;
        for (int dx = -1; dx <= 1 && !border; dx++) {
          for (int dy = -1; dy <= 1 && !border; dy++) {
            border = !clear.sure(cx + dx * side, cy + dy * side);
          }
        }
        if (!border) {
          return;
        }
        counts[1]++;
        for (double[] c : corners(x0, y0, side)) {
          var full = locator.locate(new fr.quartiersproductifs.geography.Coordinates(c[0], c[1], zone.epsg()), date);
          boolean far = full.statut() == fr.quartiersproductifs.geography.QpvStatus.HORS_QPV
              && (full.distanceLimiteM() == null || full.distanceLimiteM() > QpvLocator.NEAREST_MAX_M);
          int status = locator.status(zone.epsg(), c[0], c[1], date); // the shortcut, where it applies
          if ((!far || status != QpvLocator.HORS) && wrong.size() < 5) {
            wrong.add(zone + " " + c[0] + " " + c[1] + " " + full.statut() + " " + full.distanceLimiteM() + " status " + status);
          }
        }
      });
      assertThat(counts[1]).as("cells bordering QPV reach in %s", zone).isPositive();
      assertThat(counts[0]).as("clear cells in %s", zone).isLessThan(counts[2]);
      assertThat(wrong).as("corners of clear cells near a QPV in %s", zone).isEmpty();
    }
  }

  /** The four corners of a cell, just inside it: its upper and right edges belong to the next. */
  private static double[][] corners(double x0, double y0, double side) {
    double far = side - side * 1e-9;
    return new double[][] {{x0, y0}, {x0 + far, y0}, {x0, y0 + far}, {x0 + far, y0 + far}};
  }
}
