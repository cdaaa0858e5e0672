package fr.quartiersproductifs.geography.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZoneProjectionTest {

  @Test
  void lambert93_of_a_montpellier_ban_address_point() {
    // 118 Rue Bernard Blier, Montpellier: BAN gives x/y in Lambert-93 beside lon/lat.
    double[] out = new double[2];
    new ZoneProjection(Zone.METRO).toProjected(3.861405, 43.587533, out);
    assertThat(out[0]).isCloseTo(769588.62, within(0.5));
    assertThat(out[1]).isCloseTo(6276876.75, within(0.5));
  }

  @Test
  void every_overseas_system_round_trips() {
    double[][] points = {
      {-61.53, 16.24, 5490}, {-61.07, 14.60, 5490}, {-52.33, 4.93, 2972}, {55.48, -21.29, 2975}, {45.17, -12.78, 4471}
    };
    for (double[] p : points) {
      Zone zone = Zone.ofLonLat(p[0], p[1]);
      assertThat(zone.epsg()).isEqualTo((int) p[2]);
      ZoneProjection proj = new ZoneProjection(zone);
      double[] xy = new double[2];
      double[] back = new double[2];
      proj.toProjected(p[0], p[1], xy);
      proj.toLonLat(xy[0], xy[1], back);
      assertThat(back[0]).isCloseTo(p[0], within(1e-7));
      assertThat(back[1]).isCloseTo(p[1], within(1e-7));
    }
  }
}
