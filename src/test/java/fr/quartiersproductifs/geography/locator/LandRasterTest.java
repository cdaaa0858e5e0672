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
      double in = side * 1e-9; // just inside the cell: its upper and right edges belong to the next
      long[] sure = {0};
      List<String> lost = new ArrayList<>();
      land.forEachSureCell((x0, y0) -> {
        sure[0]++;
        double[][] corners = {{x0, y0}, {x0 + side - in, y0}, {x0, y0 + side - in}, {x0 + side - in, y0 + side - in}};
        for (double[] c : corners) {
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
}
