package fr.quartiersproductifs.geography.locator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Generation;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.geography.io.GeometryRepair;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The locator's rules on small WKT shapes near Toulouse: a QPV with a hole, a two-part QPV, a
 * degenerate contour, generations and dates, a département outline for the "in France" test.
 */
class QpvLocatorShapesTest {
  static final LocalDate D2025 = LocalDate.of(2025, 6, 1);
  static final LocalDate D2020 = LocalDate.of(2020, 6, 1);

  static Geometry wkt(String text) {
    try {
      Geometry g = new WKTReader().read(text);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Qpv qpv(String code, Generation g, String wkt) {
    return new Qpv(
        code, "QPV " + code, g, List.of(new QpvRef.CommuneRef("31555", "Toulouse")), "31", "76",
        List.of(), null, Map.of(), List.of(), g.validFrom(false), g.validTo(false), wkt(wkt), 1);
  }

  static final ReferenceGeography GEO =
      new ReferenceGeography(
          List.of(),
          List.of(new ReferenceGeography.Departement("31", "Haute-Garonne", "76", "metro")),
          List.of(),
          List.of(
              // a square of ~800 m with a ~160 m hole in the middle
              qpv("QN03101M", Generation.G2024,
                  "POLYGON((1.40 43.60, 1.41 43.60, 1.41 43.607, 1.40 43.607, 1.40 43.60),"
                      + " (1.404 43.6025, 1.406 43.6025, 1.406 43.6045, 1.404 43.6045, 1.404 43.6025))"),
              // two separate parts
              qpv("QN03102M", Generation.G2024,
                  "MULTIPOLYGON(((1.45 43.60, 1.455 43.60, 1.455 43.604, 1.45 43.604, 1.45 43.60)),"
                      + " ((1.47 43.60, 1.475 43.60, 1.475 43.604, 1.47 43.604, 1.47 43.60)))"),
              // collapsed to a point by simplification
              qpv("QN03103M", Generation.G2024, "POINT(1.50 43.65)"),
              // 2015 only
              qpv("QP031001", Generation.G2015,
                  "POLYGON((1.43 43.62, 1.44 43.62, 1.44 43.627, 1.43 43.627, 1.43 43.62))")),
          List.of(),
          Map.of(),
          List.of(
              new ReferenceGeography.DepartementOutline(
                  "31", wkt("POLYGON((0.5 42.7, 2.0 42.7, 2.0 43.95, 0.5 43.95, 0.5 42.7))"))),
          List.of());

  static final QpvLocator LOCATOR = new QpvLocator(GEO);

  static Localisation at(double lon, double lat, LocalDate date) {
    return LOCATOR.locate(Coordinates.wgs84(lon, lat), date);
  }

  @Test
  void inside_with_the_distance_to_the_boundary() {
    Localisation l = at(1.401, 43.601, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(l.qpv().code()).isEqualTo("QN03101M");
    // 0.001° of latitude ≈ 111 m; of longitude at 43.6° ≈ 80.6 m: the nearest side is the west one
    assertThat(l.distanceLimiteM()).isBetween(75.0, 85.0);
  }

  @Test
  void in_the_hole_is_outside_and_near_the_hole_boundary() {
    Localisation l = at(1.405, 43.6035, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(l.qpvProche().code()).isEqualTo("QN03101M");
    assertThat(l.distanceLimiteM()).isBetween(75.0, 85.0);
  }

  @Test
  void between_the_two_parts_of_a_multipolygon() {
    assertThat(at(1.452, 43.602, D2025).qpv().code()).isEqualTo("QN03102M");
    assertThat(at(1.472, 43.602, D2025).qpv().code()).isEqualTo("QN03102M");
    Localisation between = at(1.462, 43.602, D2025);
    assertThat(between.statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(between.qpvProche().code()).isEqualTo("QN03102M");
  }

  @Test
  void far_from_every_qpv_there_is_no_nearest() {
    Localisation l = at(1.0, 43.3, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(l.qpvProche()).isNull();
    assertThat(l.distanceLimiteM()).isNull();
  }

  @Test
  void near_a_degenerate_contour_nothing_is_concluded() {
    Localisation l = at(1.503, 43.65, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.INDETERMINE);
    assertThat(l.raison()).contains("QN03103M").contains("dégénéré");
    assertThat(at(1.53, 43.65, D2025).statut()).isEqualTo(QpvStatus.HORS_QPV);
  }

  @Test
  void the_date_selects_the_generation() {
    assertThat(at(1.435, 43.623, D2020).qpv().code()).isEqualTo("QP031001");
    assertThat(at(1.435, 43.623, D2025).statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(at(1.401, 43.601, D2020).statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(at(1.401, 43.601, LocalDate.of(2014, 12, 31)).raison()).contains("1er janvier 2015");
  }

  @Test
  void an_imported_validity_period_decides_which_list_applies() {
    // Regression: --valide-du moved the 2024 list to 1 April 2024, the locator still applied it
    // from 1 January and answered HORS_QPV where no list was in force.
    Qpv late =
        new Qpv(
            "QN03109M", "QPV QN03109M", Generation.G2024, List.of(), "31", "76", List.of(), null,
            Map.of(), List.of(), LocalDate.of(2024, 4, 1), null,
            wkt("POLYGON((1.40 43.60, 1.41 43.60, 1.41 43.607, 1.40 43.607, 1.40 43.60))"), 1);
    ReferenceGeography g =
        new ReferenceGeography(
            List.of(), GEO.departements(), List.of(), List.of(late), List.of(), Map.of(),
            GEO.departementOutlines(), List.of());
    QpvLocator locator = new QpvLocator(g);
    assertThat(locator.locate(Coordinates.wgs84(1.0, 43.3), LocalDate.of(2024, 2, 15)).statut())
        .isEqualTo(QpvStatus.INDETERMINE);
    assertThat(locator.locate(Coordinates.wgs84(1.0, 43.3), LocalDate.of(2024, 5, 15)).statut())
        .isEqualTo(QpvStatus.HORS_QPV);
  }

  @Test
  void outside_the_imported_departements_is_not_france() {
    assertThat(at(3.0, 45.0, D2025).raison()).contains("hors de France");
  }

  @Test
  void on_a_vertex_and_on_an_edge() {
    assertThat(at(1.40, 43.60, D2025).distanceLimiteM()).isZero();
    Localisation edge = at(1.405, 43.60, D2025);
    assertThat(edge.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(edge.distanceLimiteM()).isLessThan(0.01);
  }

  @Test
  void a_bow_tie_is_repaired_not_dropped() {
    GeometryRepair.Result r = GeometryRepair.repairArea(wkt("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))"));
    assertThat(r.repaired()).isTrue();
    assertThat(r.geometry().isValid()).isTrue();
    assertThat(r.geometry().getArea()).isEqualTo(0.5);
    GeometryRepair.Result collapsed = GeometryRepair.repairArea(wkt("POLYGON((2 2, 2 2, 2 2, 2 2))"));
    assertThat(collapsed.degenerate()).isTrue();
    assertThat(collapsed.geometry().getGeometryType()).isEqualTo("Point");
  }
}
