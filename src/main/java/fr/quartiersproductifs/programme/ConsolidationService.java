package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.programme.jdbc.ActionRepository;
import fr.quartiersproductifs.programme.jdbc.IndicatorRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers the programme's figures and consolidates them ({@link Consolidator}). */
@Service
public class ConsolidationService {
  private final TerritoryService territories;
  private final ActionRepository actions;
  private final IndicatorRepository indicators;

  public ConsolidationService(TerritoryService territories, ActionRepository actions, IndicatorRepository indicators) {
    this.territories = territories;
    this.actions = actions;
    this.indicators = indicators;
  }

  /**
   * The consolidation visible to the actor: every territory for the national team and the chefs de
   * projet, the partner's own territories for a partner (and the "national" view is then the total
   * of those). A null actor (anonymous) gets every territory: the figures are open data.
   */
  @Transactional(readOnly = true)
  public Consolidation consolidate(Actor actor, String period) {
    return Consolidator.consolidate(facts(actor), indicators.definitions(), period);
  }

  @Transactional(readOnly = true)
  public List<Consolidator.TerritoryFacts> facts(Actor actor) {
    Map<String, List<Action>> byTerritory = new HashMap<>();
    Map<Long, String> territoryOfAction = new HashMap<>();
    for (Action a : actions.all()) {
      byTerritory.computeIfAbsent(a.territoire(), k -> new ArrayList<>()).add(a);
      territoryOfAction.put(a.id(), a.territoire());
    }
    Map<String, List<FundingLine>> funding = new HashMap<>();
    for (FundingLine f : actions.allFunding()) {
      funding.computeIfAbsent(territoryOfAction.get(f.action()), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<IndicatorValue>> values = new HashMap<>();
    indicators.allValues().forEach(v -> values.computeIfAbsent(v.territoire(), k -> new ArrayList<>()).add(v));
    Map<String, List<IndicatorTarget>> targets = new HashMap<>();
    indicators.allTargets().forEach(t -> targets.computeIfAbsent(t.territoire(), k -> new ArrayList<>()).add(t));
    List<Consolidator.TerritoryFacts> out = new ArrayList<>();
    for (ProgrammeTerritory t : territories.all()) {
      if (actor != null && !actor.canRead(t.id())) {
        continue;
      }
      out.add(
          new Consolidator.TerritoryFacts(
              t.id(), t.libelle(), t.population(),
              byTerritory.getOrDefault(t.id(), List.of()),
              funding.getOrDefault(t.id(), List.of()),
              values.getOrDefault(t.id(), List.of()),
              targets.getOrDefault(t.id(), List.of())));
    }
    return out;
  }
}
