package fr.quartiersproductifs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.geography.QpvStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zone figures from hand-made aggregate rows (pure, no database). */
class DiagnosticCalculatorTest {
  @Test
  void sharesDensitiesRatioAndUndeterminedOutsideBothQpvAndRest() {
    var activity = List.of(
        new Aggregates.Activity("13201", QpvStatus.DANS_QPV, "QN01330M", "I", Category.COMMERCE_PROXIMITE, 30, 3, 0, 0),
        new Aggregates.Activity("13201", QpvStatus.DANS_QPV, "QN01330M", "F", Category.ACTIVITES_PRODUCTIVES, 10, 5, 2, 8),
        new Aggregates.Activity("13202", QpvStatus.HORS_QPV, null, "M", Category.SERVICES, 400, 40, 0, 0),
        new Aggregates.Activity("13202", QpvStatus.INDETERMINE, null, "I", Category.COMMERCE_PROXIMITE, 60, 0, 0, 0));
    var quality = List.of(
        new Aggregates.Quality("13201", QpvStatus.DANS_QPV, "QN01330M", GeoQuality.ADRESSE, InseeCheck.DESACCORD, false, 40),
        new Aggregates.Quality("13202", QpvStatus.HORS_QPV, null, GeoQuality.ADRESSE, InseeCheck.ACCORD, true, 400),
        new Aggregates.Quality("13202", QpvStatus.INDETERMINE, null, GeoQuality.COMMUNE, InseeCheck.NON_COMPARE, false, 60));
    var flows = List.of(new Aggregates.Flow("13201", QpvStatus.DANS_QPV, "QN01330M", 'C', 2024, 4),
        new Aggregates.Flow("13202", QpvStatus.HORS_QPV, null, 'F', 2016, 9));
    var calc = new DiagnosticService.Calculator(activity, quality, flows, List.of(2016, 2024));
    var qpv = calc.sums(k -> "QN01330M".equals(k.qpv()));
    var rest = calc.sums(k -> k.status() == QpvStatus.HORS_QPV);
    var whole = calc.sums(k -> true);
    // densities: QPV 40 / 4,000 inhabitants = 10 ‰; rest 400 / 20,000 = 20 ‰; ratio 0.5
    Diagnostic.Zone z = calc.zone("QN01330M", "Q", Diagnostic.QPV, 4000, qpv, 20.0, false);
    assertThat(z.etablissementsActifs()).isEqualTo(40);
    assertThat(z.etablissementsPour1000Hab()).isEqualTo(10.0);
    assertThat(z.ratioDensiteQpvReste()).isEqualTo(0.5);
    assertThat(z.parts()).containsEntry("commerce", 0.75).containsEntry("activites_productives", 0.25)
        .containsEntry("artisanat", 0.25).containsEntry("services", 0.0);
    assertThat(z.partsSection()).containsEntry("I", 0.75).containsEntry("F", 0.25);
    assertThat(z.etablissementsEmployeurs()).isEqualTo(8);
    assertThat(z.creations()).containsEntry(2024, 4L).containsEntry(2016, 0L);
    assertThat(z.qualite().desaccordsInsee()).isEqualTo(40);
    assertThat(z.qualite().partArtisanatParNaf()).isEqualTo(0.8);
    assertThat(rest.active).isEqualTo(400);
    Diagnostic.Zone w = calc.zone("13055", "Marseille", Diagnostic.PERIMETRE, 24000, whole, null, false);
    assertThat(w.etablissementsActifs()).isEqualTo(500);
    assertThat(w.qualite().partIndetermines()).isEqualTo(0.12);
    assertThat(w.qualite().partDiffusionPartielle()).isEqualTo(0.8);
    assertThat(w.fermetures()).containsEntry(2016, 9L);
    assertThat(w.ratioDensiteQpvReste()).isNull();
    Diagnostic.Zone secret = calc.zone("QN01330M", "Q", Diagnostic.QPV, null, qpv, 20.0, true);
    assertThat(secret.etablissementsPour1000Hab()).isNull();
    assertThat(secret.ratioDensiteQpvReste()).isNull();
    assertThat(secret.qualite().secretStatistique()).isTrue();
  }
}
