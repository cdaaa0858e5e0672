package fr.quartiersproductifs.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** National totals are the sums of the territories' figures, over random plans. */
class ConsolidationPropertyTest {

  static final List<IndicatorDefinition> DEFINITIONS = List.of(
      new IndicatorDefinition("SOMME_X", "Somme", "u", null, null, Frequency.ANNUELLE, "HAUSSE", Aggregation.SOMME, false, null, 1),
      new IndicatorDefinition("MOY_X", "Moyenne", "%", null, null, Frequency.ANNUELLE, "HAUSSE", Aggregation.MOYENNE_PONDEREE_POPULATION, false, null, 1),
      new IndicatorDefinition("DERN_X", "Dernière", "u", null, null, Frequency.ANNUELLE, "BAISSE", Aggregation.DERNIERE_VALEUR, false, null, 1),
      new IndicatorDefinition("AUTO_X", "Auto", "u", null, null, Frequency.ANNUELLE, "HAUSSE", Aggregation.SOMME, true, null, 1));

  /** A random programme: up to 8 territories, up to 12 actions each, up to 4 funding lines each. */
  static List<Consolidator.TerritoryFacts> randomProgramme(long seed, int territories) {
    Random r = new Random(seed);
    List<Consolidator.TerritoryFacts> out = new ArrayList<>();
    long nextId = 1;
    for (int t = 0; t < territories; t++) {
      String id = "T" + t;
      List<Action> actions = new ArrayList<>();
      List<FundingLine> funding = new ArrayList<>();
      int n = r.nextInt(13);
      for (int i = 0; i < n; i++) {
        long aid = nextId++;
        Axis axis = Axis.values()[r.nextInt(Axis.values().length)];
        ActionStatus status = ActionStatus.values()[r.nextInt(ActionStatus.values().length)];
        actions.add(new Action(aid, id, "A" + aid, null, axis, status, status == ActionStatus.ABANDONNEE ? "motif" : null,
            null, List.of(), List.of(), List.of(), null, null, false, 1));
        int lines = r.nextInt(5);
        for (int l = 0; l < lines; l++) {
          long committed = r.nextLong(0, 50_000_000_00L);
          long paid = r.nextLong(0, committed + 1);
          long planned = r.nextLong(0, 60_000_000_00L);
          funding.add(new FundingLine(nextId++, aid, Funder.values()[r.nextInt(Funder.values().length)], 2020 + r.nextInt(8),
              BigDecimal.valueOf(planned, 2), BigDecimal.valueOf(committed, 2), BigDecimal.valueOf(paid, 2), false, 1));
        }
      }
      List<IndicatorValue> values = new ArrayList<>();
      for (IndicatorDefinition d : DEFINITIONS) {
        if (!d.automatique() && r.nextInt(4) > 0) {
          values.add(new IndicatorValue(nextId++, d.code(), id, String.valueOf(2020 + r.nextInt(6)),
              BigDecimal.valueOf(r.nextLong(0, 1_000_000), 2), null, null, "x",
              OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(r.nextInt(100_000)), false, 1));
        }
      }
      Long population = r.nextInt(5) == 0 ? null : (long) r.nextInt(1, 2_000_000);
      out.add(new Consolidator.TerritoryFacts(id, "Territoire " + t, population, actions, funding, values, List.of()));
    }
    return out;
  }

  @Property(tries = 200)
  void national_totals_equal_the_sum_of_the_territories(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long seed, @ForAll @IntRange(min = 0, max = 8) int territories) {
    List<Consolidator.TerritoryFacts> facts = randomProgramme(seed, territories);
    Consolidation c = Consolidator.consolidate(facts, DEFINITIONS, null);

    // Budget cells: national = sum of territories, for every funder × axis.
    Map<Funder, Map<Axis, BigDecimal[]>> expected = new EnumMap<>(Funder.class);
    for (Consolidation.View v : c.territoires()) {
      for (Consolidation.BudgetCell b : v.budget()) {
        BigDecimal[] cell = expected.computeIfAbsent(b.financeur(), k -> new EnumMap<>(Axis.class))
            .computeIfAbsent(b.axe(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        cell[0] = cell[0].add(b.prevu());
        cell[1] = cell[1].add(b.engage());
        cell[2] = cell[2].add(b.verse());
      }
    }
    int cells = 0;
    for (Consolidation.BudgetCell b : c.national().budget()) {
      BigDecimal[] e = expected.get(b.financeur()).get(b.axe());
      assertThat(b.prevu()).isEqualByComparingTo(e[0]);
      assertThat(b.engage()).isEqualByComparingTo(e[1]);
      assertThat(b.verse()).isEqualByComparingTo(e[2]);
      cells++;
    }
    assertThat(cells).isEqualTo(expected.values().stream().mapToInt(Map::size).sum());

    // Totals against the raw funding lines (independent of the cells).
    BigDecimal planned = BigDecimal.ZERO, committed = BigDecimal.ZERO, paid = BigDecimal.ZERO;
    long actionCount = 0;
    for (Consolidator.TerritoryFacts t : facts) {
      actionCount += t.actions().size();
      for (FundingLine f : t.funding()) {
        planned = planned.add(f.prevu());
        committed = committed.add(f.engage());
        paid = paid.add(f.verse());
      }
    }
    assertThat(c.national().totalBudget().prevu()).isEqualByComparingTo(planned);
    assertThat(c.national().totalBudget().engage()).isEqualByComparingTo(committed);
    assertThat(c.national().totalBudget().verse()).isEqualByComparingTo(paid);
    assertThat(c.national().totalBudget().verse()).isLessThanOrEqualTo(c.national().totalBudget().engage());
    assertThat(c.national().nombreActions()).isEqualTo(actionCount);
    assertThat(c.territoires().stream().mapToLong(Consolidation.View::nombreActions).sum()).isEqualTo(actionCount);

    // Actions by status × axis.
    Map<String, Long> counts = new HashMap<>();
    for (Consolidator.TerritoryFacts t : facts) {
      for (Action a : t.actions()) {
        counts.merge(a.statut() + "/" + a.axe(), 1L, Long::sum);
      }
    }
    Map<String, Long> national = new HashMap<>();
    c.national().actions().forEach(a -> national.put(a.statut() + "/" + a.axe(), a.nombre()));
    assertThat(national).isEqualTo(counts);

    // Indicators by their rule.
    Consolidation.IndicatorFigure sum = figure(c.national(), "SOMME_X");
    List<BigDecimal> sums = c.territoires().stream().map(v -> figure(v, "SOMME_X").valeur()).filter(x -> x != null).toList();
    if (sums.isEmpty()) {
      assertThat(sum.valeur()).isNull();
    } else {
      assertThat(sum.valeur()).isEqualByComparingTo(sums.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    assertThat(sum.territoiresRenseignes()).isEqualTo(sums.size());
    Consolidation.IndicatorFigure mean = figure(c.national(), "MOY_X");
    List<BigDecimal> weighted = new ArrayList<>();
    for (int i = 0; i < facts.size(); i++) {
      BigDecimal v = figure(c.territoires().get(i), "MOY_X").valeur();
      if (v != null && facts.get(i).population() != null) {
        weighted.add(v);
      }
    }
    if (weighted.isEmpty()) {
      assertThat(mean.valeur()).isNull();
    } else {
      assertThat(mean.valeur()).isBetween(
          weighted.stream().min(BigDecimal::compareTo).orElseThrow().subtract(new BigDecimal("0.0001")),
          weighted.stream().max(BigDecimal::compareTo).orElseThrow().add(new BigDecimal("0.0001")));
    }
    Consolidation.IndicatorFigure latest = figure(c.national(), "DERN_X");
    List<IndicatorValue> all = facts.stream().flatMap(t -> t.values().stream()).filter(v -> v.indicateur().equals("DERN_X")).toList();
    // Each territory contributes its latest period; the national value is the latest of those.
    if (all.isEmpty()) {
      assertThat(latest.valeur()).isNull();
    } else {
      String maxPeriod = all.stream().map(IndicatorValue::periode).max(String::compareTo).orElseThrow();
      assertThat(latest.periode()).isEqualTo(maxPeriod);
      assertThat(all.stream().filter(v -> v.periode().equals(maxPeriod)).map(IndicatorValue::valeur).toList())
          .anySatisfy(v -> assertThat(v).isEqualByComparingTo(latest.valeur()));
    }
    Consolidation.IndicatorFigure auto = figure(c.national(), "AUTO_X");
    assertThat(auto.valeur()).isNull();
    assertThat(auto.etat()).isEqualTo(IndicatorService.NOT_AVAILABLE);
    assertThat(c.contientDonneesFictives()).isFalse();
  }

  @Property(tries = 20)
  void the_weighted_mean_is_exact_on_a_known_case(@ForAll @IntRange(min = 1, max = 1000) int k) {
    // Two territories, populations k and 3k, values 10 and 20: mean 17.5 whatever k.
    List<Consolidator.TerritoryFacts> facts = List.of(
        territory("A", (long) k, "10"), territory("B", 3L * k, "20"));
    assertThat(figure(Consolidator.consolidate(facts, DEFINITIONS, null).national(), "MOY_X").valeur())
        .isEqualByComparingTo("17.5");
  }

  private static Consolidator.TerritoryFacts territory(String id, Long population, String value) {
    return new Consolidator.TerritoryFacts(id, id, population, List.of(), List.of(),
        List.of(new IndicatorValue(1L, "MOY_X", id, "2025", new BigDecimal(value), null, null, "x", null, false, 1)), List.of());
  }

  static Consolidation.IndicatorFigure figure(Consolidation.View v, String code) {
    return v.indicateurs().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
  }
}
