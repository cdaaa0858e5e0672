package fr.quartiersproductifs.geography;

import fr.quartiersproductifs.dataset.DatasetVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable snapshot of the active reference data: communes (with municipal arrondissements),
 * départements, EPCI/EPT, QPV of every imported generation, pilot territories and postcodes. Built
 * from the database by {@link GeographyService} after each import; readers never see a half-made
 * snapshot.
 */
public final class ReferenceGeography {
  private final Map<String, Commune> communes;
  private final Map<String, Departement> departements;
  private final Map<String, Grouping> groupings;
  private final Map<String, Qpv> qpvByCode;
  private final Map<String, PilotTerritory> territories;
  private final Map<String, List<String>> communesByPostcode;
  private final Map<String, String> territoryByCommune;
  private final List<DatasetVersion> versions;
  private final List<DepartementOutline> outlines;

  /** A département with its region and zone ({@code metro}, {@code drom}, {@code com}). */
  public record Departement(String code, String nom, String region, String zone) {}

  /** The simplified outline of a département, WGS84. */
  public record DepartementOutline(String code, org.locationtech.jts.geom.Geometry geometry) {}

  public ReferenceGeography(
      Collection<Commune> communes,
      Collection<Departement> departements,
      Collection<Grouping> groupings,
      Collection<Qpv> qpv,
      Collection<PilotTerritory> territories,
      Map<String, List<String>> communesByPostcode,
      List<DepartementOutline> outlines,
      List<DatasetVersion> versions) {
    this.communes = index(communes, Commune::code);
    this.departements = index(departements, Departement::code);
    this.groupings = index(groupings, Grouping::siren);
    this.qpvByCode = index(qpv, Qpv::code);
    this.territories = index(territories, PilotTerritory::id);
    this.communesByPostcode = Map.copyOf(communesByPostcode);
    this.outlines = List.copyOf(outlines);
    this.versions = List.copyOf(versions);
    Map<String, String> byCommune = new HashMap<>();
    for (PilotTerritory t : territories) {
      for (PilotTerritory.TerritoryCommune c : t.communes()) {
        byCommune.putIfAbsent(c.code(), t.id());
      }
    }
    this.territoryByCommune = Map.copyOf(byCommune);
  }

  public static ReferenceGeography empty() {
    return new ReferenceGeography(
        List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
  }

  private static <T> Map<String, T> index(
      Collection<T> items, java.util.function.Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      map.put(key.apply(item), item);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  public Optional<Commune> commune(String code) {
    return Optional.ofNullable(communes.get(code));
  }

  public Collection<Commune> communes() {
    return communes.values();
  }

  public Optional<Departement> departement(String code) {
    return Optional.ofNullable(departements.get(code));
  }

  public Collection<Departement> departements() {
    return departements.values();
  }

  public List<DepartementOutline> departementOutlines() {
    return outlines;
  }

  public Optional<Grouping> grouping(String siren) {
    return Optional.ofNullable(groupings.get(siren));
  }

  public Optional<Qpv> qpv(String code) {
    return Optional.ofNullable(qpvByCode.get(code));
  }

  public Collection<Qpv> qpv() {
    return qpvByCode.values();
  }

  /** The QPV in force at a date, every generation and place together. */
  public List<Qpv> qpvInForce(LocalDate date) {
    return qpvByCode.values().stream().filter(q -> q.inForce(date)).toList();
  }

  /** QPV in force at the date with at least one commune in the pilot territory. */
  public List<Qpv> qpvOfTerritory(String territoryId, LocalDate date) {
    PilotTerritory t = territories.get(territoryId);
    if (t == null) {
      return List.of();
    }
    Set<String> codes = new TreeSet<>();
    t.communes().forEach(c -> codes.add(c.code()));
    return qpvInForce(date).stream()
        .filter(q -> q.communes().stream().anyMatch(c -> codes.contains(c.code())))
        .sorted(Comparator.comparing(Qpv::code))
        .toList();
  }

  /** QPV in force at the date attached to a commune (an arrondissement resolves to its commune). */
  public List<Qpv> qpvOfCommune(String communeCode, LocalDate date) {
    String code = commune(communeCode).map(Commune::communeCode).orElse(communeCode);
    return qpvInForce(date).stream()
        .filter(q -> q.communes().stream().anyMatch(c -> c.code().equals(code)))
        .sorted(Comparator.comparing(Qpv::code))
        .toList();
  }

  public Optional<PilotTerritory> territory(String id) {
    return Optional.ofNullable(territories.get(id));
  }

  public Collection<PilotTerritory> territories() {
    return territories.values();
  }

  /** Pilot territory whose perimeter holds the commune (arrondissements resolve to the commune). */
  public Optional<String> territoryOfCommune(String communeCode) {
    String code = commune(communeCode).map(Commune::communeCode).orElse(communeCode);
    return Optional.ofNullable(territoryByCommune.get(code));
  }

  /** Pilot territories holding at least one commune of the QPV. */
  public List<String> territoriesOfQpv(Qpv qpv) {
    List<String> ids = new ArrayList<>();
    for (QpvRef.CommuneRef c : qpv.communes()) {
      String t = territoryByCommune.get(c.code());
      if (t != null && !ids.contains(t)) {
        ids.add(t);
      }
    }
    return ids;
  }

  /** Commune codes served by a postcode (from the La Poste table). */
  public List<String> communesOfPostcode(String postcode) {
    return communesByPostcode.getOrDefault(postcode, List.of());
  }

  /** Postcodes of a commune (arrondissements have their own). */
  public List<String> postcodesOf(String communeCode) {
    return commune(communeCode).map(Commune::codesPostaux).orElse(List.of());
  }

  /** Active dataset versions this snapshot was built from. */
  public List<DatasetVersion> versions() {
    return versions;
  }

  /** Reference of the active version of a kind ({@code qpv-2024#3}), if imported. */
  public Optional<DatasetVersion> version(String kind) {
    return versions.stream().filter(v -> v.kind().equals(kind)).findFirst();
  }

  /** The QPV as named in answers (communes, EPCI/EPT, pilot territories). */
  public QpvRef ref(Qpv qpv) {
    List<QpvRef.GroupingRef> epci = new ArrayList<>();
    for (String siren : qpv.epciSirens()) {
      Grouping g = groupings.get(siren);
      epci.add(
          g == null
              ? new QpvRef.GroupingRef(siren, null, null)
              : new QpvRef.GroupingRef(siren, g.nom(), g.kind().equals("EPT") ? "EPT" : g.type()));
    }
    return new QpvRef(
        qpv.code(),
        qpv.nom(),
        qpv.generation().year(),
        qpv.communes(),
        epci,
        territoriesOfQpv(qpv));
  }
}
