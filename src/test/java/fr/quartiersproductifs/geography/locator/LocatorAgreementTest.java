package fr.quartiersproductifs.geography.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.ReferenceGeography;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.locationtech.jts.geom.Coordinate;

/**
 * The grid locator agrees with the straightforward JTS baseline ({@link NaiveLocator}) on the real
 * 2024 QPV, for points drawn near QPV (where the grid's shortcuts matter) and anywhere in the
 * metropolitan bounding box. Seeds are fixed so that CI is reproducible; change them locally to
 * explore further.
 */
class LocatorAgreementTest {
  static final LocalDate DATE = LocalDate.of(2025, 6, 1);
  static final ReferenceGeography GEOGRAPHY = TestGeography.load();
  static final QpvLocator LOCATOR = new QpvLocator(GEOGRAPHY);
  static final NaiveLocator NAIVE = new NaiveLocator(GEOGRAPHY, DATE);
  static final List<Coordinate> VERTICES =
      GEOGRAPHY.qpvInForce(DATE).stream()
          .map(Qpv::geometry)
          .flatMap(g -> java.util.Arrays.stream(g.getCoordinates()))
          .toList();
  /** Vertices of the metropolitan département outlines: coasts, land borders, inner limits. */
  static final List<Coordinate> BORDER_VERTICES =
      GEOGRAPHY.departementOutlines().stream()
          .filter(o -> !o.code().startsWith("97"))
          .flatMap(o -> java.util.Arrays.stream(o.geometry().getCoordinates()))
          .toList();

  @Property(tries = 3000, seed = "20261127")
  void agrees_near_qpv(@ForAll("nearQpv") Coordinates point) {
    check(point);
  }

  @Property(tries = 2000, seed = "20261128")
  void agrees_anywhere_in_metropolitan_france(@ForAll("metro") Coordinates point) {
    check(point);
  }

  @Property(tries = 3000, seed = "20261129")
  void status_fast_path_agrees_with_locate_near_qpv(@ForAll("nearQpv") Coordinates point) {
    checkStatus(point);
  }

  @Property(tries = 2000, seed = "20261130")
  void status_fast_path_agrees_with_locate_anywhere(@ForAll("metro") Coordinates point) {
    checkStatus(point);
  }

  @Property(tries = 1000, seed = "20261201")
  void status_fast_path_agrees_with_locate_on_contour_vertices(@ForAll("vertex") Coordinates point) {
    checkStatus(point); // on a boundary, give or take the projection's rounding
  }

  @Property(tries = 3000, seed = "20261202")
  void status_fast_path_agrees_with_locate_near_coasts_and_borders(@ForAll("nearBorder") double[] planar) {
    // 1.5 to 4 km from a vertex of a département outline: at sea or abroad, HORS_QPV is answered
    // only within the 2 km coast tolerance, which the fast path's land raster must respect.
    checkStatus(planar[0], planar[1], "Lambert-93 " + planar[0] + " " + planar[1]);
  }

  @Provide
  Arbitrary<double[]> nearBorder() {
    return Combinators.combine(
            Arbitraries.integers().between(0, BORDER_VERTICES.size() - 1),
            Arbitraries.doubles().between(1500, 4000).ofScale(2),
            Arbitraries.doubles().between(0, 6.283).ofScale(4))
        .as((i, r, angle) -> {
          double[] p = new double[2];
          new ZoneProjection(Zone.METRO).toProjected(BORDER_VERTICES.get(i).x, BORDER_VERTICES.get(i).y, p);
          return new double[] {p[0] + r * Math.cos(angle), p[1] + r * Math.sin(angle)};
        });
  }

  @Provide
  Arbitrary<Coordinates> vertex() {
    return Arbitraries.integers().between(0, VERTICES.size() - 1)
        .map(i -> Coordinates.wgs84(VERTICES.get(i).x, VERTICES.get(i).y));
  }

  /** The bulk-import fast path gives the same status and QPV as the full answer, in Lambert-93. */
  private void checkStatus(Coordinates wgs84) {
    double[] planar = new double[2];
    new ZoneProjection(Zone.METRO).toProjected(wgs84.x(), wgs84.y(), planar);
    checkStatus(planar[0], planar[1], wgs84);
  }

  private void checkStatus(double x, double y, Object wgs84) {
    Localisation full = LOCATOR.locate(new Coordinates(x, y, 2154), DATE);
    int status = LOCATOR.status(2154, x, y, DATE);
    switch (full.statut()) {
      case DANS_QPV -> assertThat(status >= 0 ? LOCATOR.qpvCode(status) : "statut " + status)
          .as("at %s", wgs84).isEqualTo(full.qpv().code());
      case HORS_QPV -> assertThat(status).as("at %s", wgs84).isEqualTo(QpvLocator.HORS);
      default -> assertThat(status).as("at %s: %s", wgs84, full.raison()).isEqualTo(QpvLocator.INDETERMINE);
    }
  }

  private void check(Coordinates point) {
    Localisation ours = LOCATOR.locate(point, DATE);
    NaiveLocator.Answer naive = NAIVE.locate(point);
    assertThat(ours.statut().name()).as("statut at %s", point).isEqualTo(naive.status());
    if (naive.code() != null) {
      assertThat(ours.qpv().code()).isEqualTo(naive.code());
    }
    if (!Double.isNaN(naive.distance())) {
      assertThat(ours.distanceLimiteM()).isCloseTo(naive.distance(), within(0.051));
    } else if (ours.statut().name().equals("HORS_QPV")) {
      assertThat(ours.distanceLimiteM()).isNull();
    }
    if (naive.nearest() != null) {
      assertThat(ours.qpvProche().code()).isEqualTo(naive.nearest());
    }
  }

  @Provide
  Arbitrary<Coordinates> nearQpv() {
    return Combinators.combine(
            Arbitraries.integers().between(0, VERTICES.size() - 1),
            Arbitraries.doubles().between(-0.015, 0.015).ofScale(6),
            Arbitraries.doubles().between(-0.012, 0.012).ofScale(6))
        .as((i, dx, dy) -> Coordinates.wgs84(VERTICES.get(i).x + dx, VERTICES.get(i).y + dy));
  }

  @Provide
  Arbitrary<Coordinates> metro() {
    return Combinators.combine(
            Arbitraries.doubles().between(-5.5, 9.6).ofScale(6), Arbitraries.doubles().between(41.3, 51.1).ofScale(6))
        .as(Coordinates::wgs84);
  }
}
