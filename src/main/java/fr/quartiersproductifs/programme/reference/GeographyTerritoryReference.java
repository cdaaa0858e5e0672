package fr.quartiersproductifs.programme.reference;

import fr.quartiersproductifs.geography.GeographyService;
import fr.quartiersproductifs.geography.PilotTerritory;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.programme.TerritoryReference;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The programme's view of the reference geography: the current snapshot of {@link GeographyService}. */
@Component
public class GeographyTerritoryReference implements TerritoryReference {
  private final GeographyService geography;

  public GeographyTerritoryReference(GeographyService geography) {
    this.geography = geography;
  }

  @Override
  public List<ReferenceTerritory> pilotTerritories() {
    return geography.current().territories().stream()
        .map(
            (PilotTerritory t) ->
                new ReferenceTerritory(
                    t.id(),
                    t.libelle(),
                    t.perimeterKind(),
                    t.groupingSiren(),
                    t.population() == null ? null : t.population().longValue(),
                    t.communes().stream().map(PilotTerritory.TerritoryCommune::code).toList()))
        .toList();
  }

  @Override
  public Optional<Grouping> grouping(String siren) {
    return geography.current()
        .grouping(siren)
        .map(
            g ->
                new Grouping(
                    g.siren(),
                    g.nom(),
                    "EPT".equals(g.kind()) ? "EPT" : g.type(),
                    g.population() == null ? null : g.population().longValue(),
                    List.copyOf(g.membres())));
  }

  /** QPV in force today with at least one commune in the set (arrondissements resolve to their commune). */
  @Override
  public List<QpvInfo> qpvOfCommunes(Collection<String> communes) {
    ReferenceGeography ref = geography.current();
    Set<String> codes = new HashSet<>();
    for (String c : communes) {
      codes.add(ref.commune(c).map(fr.quartiersproductifs.geography.Commune::communeCode).orElse(c));
    }
    return ref.qpvInForce(LocalDate.now()).stream()
        .filter(q -> q.communes().stream().anyMatch(c -> codes.contains(c.code())))
        .sorted(Comparator.comparing(Qpv::code))
        .map(
            q ->
                new QpvInfo(
                    q.code(),
                    q.nom(),
                    q.population() == null ? null : q.population().longValue(),
                    q.communes().stream().map(QpvRef.CommuneRef::code).toList()))
        .toList();
  }
}
