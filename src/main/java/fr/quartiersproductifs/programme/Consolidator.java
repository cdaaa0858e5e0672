package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.programme.Consolidation.ActionCount;
import fr.quartiersproductifs.programme.Consolidation.Amounts;
import fr.quartiersproductifs.programme.Consolidation.BudgetCell;
import fr.quartiersproductifs.programme.Consolidation.IndicatorFigure;
import fr.quartiersproductifs.programme.Consolidation.View;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure consolidation of the programme (no database, no Spring): budget by funder × axis, actions by
 * status × axis, indicators against targets with each definition's aggregation rule.
 */
public final class Consolidator {
  private Consolidator() {}

  /** Everything known about one territory. */
  public record TerritoryFacts(
      String id,
      String libelle,
      Long population,
      List<Action> actions,
      List<FundingLine> funding,
      List<IndicatorValue> values,
      List<IndicatorTarget> targets) {}

  /** @param period the period of indicator values to use, or null for each territory's latest */
  public static Consolidation consolidate(
      List<TerritoryFacts> territories, List<IndicatorDefinition> definitions, String period) {
    boolean fictional = false;
    List<View> views = new ArrayList<>();
    Map<String, List<TerritoryFigure>> figures = new HashMap<>();
    for (TerritoryFacts t : territories) {
      fictional |= t.actions().stream().anyMatch(Action::fictif)
          || t.funding().stream().anyMatch(FundingLine::fictif)
          || t.values().stream().anyMatch(IndicatorValue::fictif)
          || t.targets().stream().anyMatch(IndicatorTarget::fictif);
      Map<Long, Axis> axisOf = new HashMap<>();
      t.actions().forEach(a -> axisOf.put(a.id(), a.axe()));
      Map<Funder, Map<Axis, BigDecimal[]>> budget = new EnumMap<>(Funder.class);
      for (FundingLine f : t.funding()) {
        Axis axis = axisOf.get(f.action());
        if (axis == null) {
          throw new IllegalArgumentException("funding line " + f.id() + " of an action outside territory " + t.id());
        }
        add(budget, f.financeur(), axis, f.prevu(), f.engage(), f.verse());
      }
      Map<ActionStatus, Map<Axis, Long>> counts = new EnumMap<>(ActionStatus.class);
      for (Action a : t.actions()) {
        counts.computeIfAbsent(a.statut(), k -> new EnumMap<>(Axis.class)).merge(a.axe(), 1L, Long::sum);
      }
      List<IndicatorFigure> indicators = new ArrayList<>();
      for (IndicatorDefinition d : definitions) {
        if (d.territoire() != null && !d.territoire().equals(t.id())) {
          continue;
        }
        Optional<IndicatorValue> v =
            t.values().stream()
                .filter(x -> x.indicateur().equals(d.code()))
                .filter(x -> period == null || x.periode().equals(period))
                .max(LATEST);
        Optional<IndicatorTarget> target = latestTarget(t.targets(), d.code());
        indicators.add(
            new IndicatorFigure(
                d.code(), d.libelle(), d.unite(), d.agregation(), d.sens(), d.automatique(),
                v.map(IndicatorValue::periode).orElse(period),
                v.map(IndicatorValue::valeur).orElse(null),
                target.map(IndicatorTarget::valeur).orElse(null),
                target.map(IndicatorTarget::echeance).orElse(null),
                v.isPresent() ? 1 : 0,
                state(d, v.isPresent())));
        if (d.territoire() == null) {
          figures.computeIfAbsent(d.code(), k -> new ArrayList<>()).add(new TerritoryFigure(t.population(), v, target));
        }
      }
      views.add(view(t.id(), t.libelle(), budget, counts, indicators));
    }
    // National: sums of the territories' cells, then indicators by rule.
    Map<Funder, Map<Axis, BigDecimal[]>> budget = new EnumMap<>(Funder.class);
    Map<ActionStatus, Map<Axis, Long>> counts = new EnumMap<>(ActionStatus.class);
    for (View v : views) {
      for (BudgetCell c : v.budget()) {
        add(budget, c.financeur(), c.axe(), c.prevu(), c.engage(), c.verse());
      }
      for (ActionCount c : v.actions()) {
        counts.computeIfAbsent(c.statut(), k -> new EnumMap<>(Axis.class)).merge(c.axe(), c.nombre(), Long::sum);
      }
    }
    List<IndicatorFigure> national = new ArrayList<>();
    for (IndicatorDefinition d : definitions) {
      if (d.territoire() != null) {
        continue;
      }
      List<TerritoryFigure> fs = figures.getOrDefault(d.code(), List.of());
      List<IndicatorValue> values = fs.stream().flatMap(f -> f.value().stream()).toList();
      BigDecimal value = aggregate(d.agregation(), fs, TerritoryFigure::valueAmount, f -> f.value().orElse(null));
      BigDecimal target = aggregate(d.agregation(), fs, TerritoryFigure::targetAmount, f -> null);
      if (d.agregation() == Aggregation.DERNIERE_VALEUR) {
        target = fs.stream().flatMap(f -> f.target().stream()).max(Comparator.comparing(IndicatorTarget::echeance))
            .map(IndicatorTarget::valeur).orElse(null);
      }
      String latestPeriod = values.stream().map(IndicatorValue::periode).max(Comparator.naturalOrder()).orElse(period);
      national.add(
          new IndicatorFigure(
              d.code(), d.libelle(), d.unite(), d.agregation(), d.sens(), d.automatique(), latestPeriod,
              value, target,
              fs.stream().flatMap(f -> f.target().stream()).map(IndicatorTarget::echeance).max(Comparator.naturalOrder()).orElse(null),
              values.size(), state(d, !values.isEmpty())));
    }
    View nationalView = view("NATIONAL", "Programme national", budget, counts, national);
    return new Consolidation(
        fictional,
        fictional ? Consolidation.FICTIF + " Ces chiffres contiennent des données fictives de démonstration." : null,
        List.copyOf(views),
        nationalView);
  }

  private static final Comparator<IndicatorValue> LATEST =
      Comparator.comparing(IndicatorValue::periode)
          .thenComparing(v -> v.saisiLe() == null ? java.time.OffsetDateTime.MIN : v.saisiLe());

  private static String state(IndicatorDefinition d, boolean present) {
    if (present) {
      return "renseigné";
    }
    return d.automatique() ? IndicatorService.NOT_AVAILABLE : "non renseigné";
  }

  private record TerritoryFigure(Long population, Optional<IndicatorValue> value, Optional<IndicatorTarget> target) {
    BigDecimal valueAmount() {
      return value.map(IndicatorValue::valeur).orElse(null);
    }

    BigDecimal targetAmount() {
      return target.map(IndicatorTarget::valeur).orElse(null);
    }
  }

  private static Optional<IndicatorTarget> latestTarget(List<IndicatorTarget> targets, String code) {
    return targets.stream().filter(x -> x.indicateur().equals(code)).max(Comparator.comparing(IndicatorTarget::echeance));
  }

  private static BigDecimal aggregate(
      Aggregation rule,
      List<TerritoryFigure> figures,
      java.util.function.Function<TerritoryFigure, BigDecimal> amount,
      java.util.function.Function<TerritoryFigure, IndicatorValue> valueOf) {
    List<TerritoryFigure> present = figures.stream().filter(f -> amount.apply(f) != null).toList();
    if (present.isEmpty()) {
      return null;
    }
    return switch (rule) {
      case SOMME -> present.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      case MOYENNE_PONDEREE_POPULATION -> {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (TerritoryFigure f : present) {
          if (f.population() != null && f.population() > 0) {
            BigDecimal w = BigDecimal.valueOf(f.population());
            weighted = weighted.add(amount.apply(f).multiply(w));
            weights = weights.add(w);
          }
        }
        yield weights.signum() == 0 ? null : weighted.divide(weights, 4, RoundingMode.HALF_EVEN);
      }
      case DERNIERE_VALEUR ->
          present.stream()
              .filter(f -> valueOf.apply(f) != null)
              .map(valueOf)
              .max(LATEST)
              .map(IndicatorValue::valeur)
              .orElse(null);
    };
  }

  private static void add(
      Map<Funder, Map<Axis, BigDecimal[]>> budget, Funder funder, Axis axis, BigDecimal p, BigDecimal e, BigDecimal v) {
    BigDecimal[] cell =
        budget.computeIfAbsent(funder, k -> new EnumMap<>(Axis.class))
            .computeIfAbsent(axis, k -> new BigDecimal[] {zero(), zero(), zero()});
    cell[0] = cell[0].add(p);
    cell[1] = cell[1].add(e);
    cell[2] = cell[2].add(v);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  private static View view(
      String id,
      String label,
      Map<Funder, Map<Axis, BigDecimal[]>> budget,
      Map<ActionStatus, Map<Axis, Long>> counts,
      List<IndicatorFigure> indicators) {
    List<BudgetCell> cells = new ArrayList<>();
    BigDecimal p = zero(), e = zero(), v = zero();
    for (var f : budget.entrySet()) {
      for (var a : f.getValue().entrySet()) {
        BigDecimal[] c = a.getValue();
        cells.add(new BudgetCell(f.getKey(), a.getKey(), c[0], c[1], c[2]));
        p = p.add(c[0]);
        e = e.add(c[1]);
        v = v.add(c[2]);
      }
    }
    List<ActionCount> actions = new ArrayList<>();
    long total = 0;
    for (var s : counts.entrySet()) {
      for (var a : s.getValue().entrySet()) {
        actions.add(new ActionCount(s.getKey(), a.getKey(), a.getValue()));
        total += a.getValue();
      }
    }
    return new View(id, label, List.copyOf(cells), new Amounts(p, e, v), List.copyOf(actions), total, List.copyOf(indicators));
  }
}
