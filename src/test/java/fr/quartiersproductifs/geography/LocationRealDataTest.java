package fr.quartiersproductifs.geography;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.support.DatabaseTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The locator on the real QPV of ../shared/data. Expected labels were computed independently of
 * this code (a plain ray-casting test in Python on the GeoJSON files, and the textbook Krüger
 * series for UTM coordinates).
 */
@DatabaseTest
class LocationRealDataTest {
  static final LocalDate D2025 = LocalDate.of(2025, 6, 1);
  static final LocalDate D2020 = LocalDate.of(2020, 6, 1);

  @Autowired QpvLocationService locator;

  Localisation at(double lon, double lat, LocalDate date) {
    return locator.locate(Coordinates.wgs84(lon, lat), date);
  }

  @Test
  void marseille_centre_is_in_a_qpv_attached_to_commune_13055() {
    Localisation l = at(5.3795, 43.2975, D2025); // la Canebière, 1er arrondissement (13201)
    assertThat(l.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(l.qpv().code()).isEqualTo("QN01330M");
    assertThat(l.qpv().communes()).extracting(QpvRef.CommuneRef::code).containsExactly("13055");
    assertThat(l.qpv().epci()).extracting(QpvRef.GroupingRef::siren).contains("200054807");
    assertThat(l.territoire()).isEqualTo("AMP");
    assertThat(l.generation()).isEqualTo(2024);
    assertThat(l.distanceLimiteM()).isPositive();
    assertThat(l.versions()).anyMatch(v -> v.startsWith("qpv-2024#"));
  }

  @Test
  void notre_dame_de_la_garde_is_outside_every_qpv() {
    Localisation l = at(5.3711, 43.2840, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(l.qpv()).isNull();
    assertThat(l.generation()).isEqualTo(2024);
  }

  @Test
  void saint_louis_reunion_given_in_utm_40s() {
    // Le Gol (QN97401I): 55.40329 E, 21.27429 S = EPSG:2975 (334344.98, 7646657.79)
    Localisation l = locator.locate(new Coordinates(334344.98, 7646657.79, 2975), D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(l.qpv().code()).isEqualTo("QN97401I");
    assertThat(l.territoire()).isEqualTo("SAINT_LOUIS_974");
    assertThat(l.lon()).isCloseTo(55.40329, org.assertj.core.data.Offset.offset(1e-5));
    // In 2024 the 2015 overseas list applied, and it is not imported here.
    Localisation before = locator.locate(new Coordinates(334344.98, 7646657.79, 2975), LocalDate.of(2024, 6, 1));
    assertThat(before.statut()).isEqualTo(QpvStatus.INDETERMINE);
    assertThat(before.raison()).contains("QPV 2015").contains("La Réunion");
  }

  @Test
  void a_2020_date_uses_the_2015_list_and_a_2025_date_the_2024_list() {
    // Bourbaki, Toulouse: a QPV of 2015 that left the list in 2024.
    Localisation in2020 = at(1.4299, 43.62319, D2020);
    assertThat(in2020.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(in2020.qpv().code()).isEqualTo("QP031009");
    assertThat(in2020.generation()).isEqualTo(2015);
    Localisation in2025 = at(1.4299, 43.62319, D2025);
    assertThat(in2025.statut()).isEqualTo(QpvStatus.HORS_QPV);
    assertThat(in2025.generation()).isEqualTo(2024);
    // La Reynerie is in both generations, under two codes.
    assertThat(at(1.4020, 43.5710, D2020).qpv().code()).isEqualTo("QP031007");
    assertThat(at(1.4020, 43.5710, D2025).qpv().code()).isEqualTo("QN03107M");
  }

  @Test
  void a_2020_date_outside_occitanie_is_undetermined() {
    Localisation l = at(5.3795, 43.2975, D2020);
    assertThat(l.statut()).isEqualTo(QpvStatus.INDETERMINE);
    assertThat(l.raison()).contains("QPV 2015").contains("Bouches-du-Rhône");
  }

  @Test
  void a_point_on_a_boundary_is_inside_at_distance_zero() {
    Localisation vertex = at(5.37903, 43.30327, D2025);
    assertThat(vertex.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(vertex.distanceLimiteM()).isZero();
    Localisation midEdge = at(5.379295, 43.302905, D2025);
    assertThat(midEdge.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(midEdge.qpv().code()).isEqualTo("QN01330M");
    assertThat(midEdge.distanceLimiteM()).isLessThan(0.1);
  }

  @Test
  void overlapping_contours_give_a_stable_answer_naming_both() {
    // Koungou (Mayotte): QN97622M and QN97639N overlap in the simplified national file.
    Localisation l = at(45.17238, -12.73179, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(l.qpv().code()).isEqualTo("QN97622M");
    assertThat(l.raison()).contains("QN97639N");
  }

  @Test
  void saint_martin_qpv_are_found_in_the_antilles_zone() {
    // Regression: Saint-Martin (978) was projected in Lambert-93 and could never be found.
    Localisation l = at(-63.03356, 18.06854, D2025);
    assertThat(l.statut()).isEqualTo(QpvStatus.DANS_QPV);
    assertThat(l.qpv().code()).isEqualTo("QN97801M");
    // no département outline there: a point near the QPV still gets an answer, not "abroad"
    Localisation near = at(-63.03356, 18.0725, D2025);
    assertThat(near.statut()).isNotEqualTo(QpvStatus.INDETERMINE);
  }

  @Test
  void outside_france() {
    assertThat(at(2.17, 41.39, D2025).raison()).contains("hors de France"); // Barcelona
    assertThat(at(5.0, 42.5, D2025).statut()).isEqualTo(QpvStatus.INDETERMINE); // at sea
    assertThat(at(-3.70, 40.42, D2025).raison()).contains("hors de France"); // Madrid
    assertThat(at(43.2975, 5.3795, D2025).raison()).contains("inversées"); // swapped
  }

  @Test
  void lambert93_and_wgs84_give_the_same_answer() {
    // 118 Rue Bernard Blier, Montpellier (BAN: x/y Lambert-93 and lon/lat)
    Localisation a = locator.locate(new Coordinates(769588.62, 6276876.75, 2154), D2025);
    Localisation b = at(3.861405, 43.587533, D2025);
    assertThat(a.statut()).isEqualTo(b.statut());
    // BAN rounds lon/lat to 1e-6 degree (~0.1 m)
    assertThat(a.distanceLimiteM()).isCloseTo(b.distanceLimiteM(), org.assertj.core.data.Offset.offset(0.5));
  }
}
