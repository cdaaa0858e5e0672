package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.economy.jdbc.EconomyQueries;
import fr.quartiersproductifs.geography.Commune;
import fr.quartiersproductifs.geography.Grouping;
import fr.quartiersproductifs.geography.PilotTerritory;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The diagnostic of a pilot territory, a commune, an EPCI/EPT or a QPV, from the active SIRENE
 * import: used by {@code qp diagnostic} and the HTTP API alike.
 */
@Service
public class DiagnosticService {
  private final DatasetVersions versions;
  private final EconomyQueries queries;
  private final EconomyGeography geography;

  public DiagnosticService(DatasetVersions versions, EconomyQueries queries, EconomyGeography geography) {
    this.versions = versions;
    this.queries = queries;
    this.geography = geography;
  }

  /**
   * A perimeter: whole communes (13055, not 13201) and the QPV to show.
   *
   * @param type TERRITOIRE, COMMUNE, EPCI or QPV
   */
  public record Perimeter(String type, String code, String label, Set<String> communes, List<Qpv> qpv) {}

  /** The active import and its stock date. */
  public record Active(DatasetVersion version, EconomyQueries.Snapshot snapshot) {}

  public Active active() {
    DatasetVersion v = versions.active(SireneImportService.KIND)
        .orElseThrow(() -> new QpException(ErrorCode.MISSING_REFERENCE_DATA,
            "Aucun fichier SIRENE importé : lancez « qp import sirene --stock ... --geo ... »."));
    return new Active(v, queries.snapshot(v.id()).orElseThrow());
  }

  public Perimeter territory(String id) {
    ReferenceGeography ref = geography.current();
    PilotTerritory t = ref.territory(id)
        .orElseThrow(() -> QpException.notFound("Territoire inconnu : " + id));
    Set<String> communes = new LinkedHashSet<>();
    t.communes().forEach(c -> communes.add(c.code()));
    return new Perimeter("TERRITOIRE", t.id(), t.libelle(), communes, ref.qpvOfTerritory(id, active().snapshot().stockDate()));
  }

  public Perimeter commune(String code) {
    ReferenceGeography ref = geography.current();
    Commune c = ref.commune(code).orElseThrow(() -> QpException.notFound("Commune inconnue : " + code));
    String whole = c.communeCode();
    String label = ref.commune(whole).map(Commune::nom).orElse(c.nom());
    return new Perimeter("COMMUNE", whole, label, Set.of(whole), ref.qpvOfCommune(whole, active().snapshot().stockDate()));
  }

  public Perimeter epci(String siren) {
    ReferenceGeography ref = geography.current();
    Grouping g = ref.grouping(siren).orElseThrow(() -> QpException.notFound("EPCI ou EPT inconnu : " + siren));
    Set<String> communes = new LinkedHashSet<>(g.membres());
    LocalDate date = active().snapshot().stockDate();
    List<Qpv> qpv = ref.qpvInForce(date).stream()
        .filter(q -> q.communes().stream().anyMatch(c -> communes.contains(c.code())))
        .sorted(java.util.Comparator.comparing(Qpv::code)).toList();
    return new Perimeter("EPCI", g.siren(), g.nom(), communes, qpv);
  }

  public Perimeter qpv(String code) {
    ReferenceGeography ref = geography.current();
    Qpv q = ref.qpv(code).orElseThrow(() -> QpException.notFound("QPV inconnu : " + code));
    Set<String> communes = new LinkedHashSet<>();
    q.communes().forEach(c -> communes.add(c.code()));
    String label = String.join(", ", q.communes().stream().map(QpvRef.CommuneRef::nom).toList());
    return new Perimeter("QPV", q.code(), q.nom() + " (" + label + ")", communes, List.of(q));
  }

  /** INSEE commune codes of a set of whole communes: adds the municipal arrondissements. */
  public Set<String> inseeCodes(Set<String> wholeCommunes) {
    Set<String> codes = new LinkedHashSet<>(wholeCommunes);
    for (Commune c : geography.current().communes()) {
      if (c.arrondissement() && wholeCommunes.contains(c.parentCode())) {
        codes.add(c.code());
      }
    }
    return codes;
  }

  public Diagnostic diagnostic(Perimeter p) {
    return diagnostic(p, active());
  }

  /** The import with this version id (its aggregates are kept in the history). */
  public Optional<Active> version(long versionId) {
    return versions.find(versionId).flatMap(v -> queries.snapshot(v.id()).map(s -> new Active(v, s)));
  }

  /** A perimeter made of given communes and QPV (e.g. a territory of the programme module). */
  public Perimeter custom(String code, String label, java.util.Collection<String> communes, java.util.Collection<String> qpv) {
    ReferenceGeography ref = geography.current();
    Set<String> whole = new LinkedHashSet<>();
    communes.forEach(c -> whole.add(ref.commune(c).map(Commune::communeCode).orElse(c)));
    List<Qpv> q = qpv.stream().map(ref::qpv).flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparing(Qpv::code)).toList();
    return new Perimeter("TERRITOIRE", code, label, whole, q);
  }

  public Diagnostic diagnostic(Perimeter p, Active a) {
    ReferenceGeography ref = geography.current();
    long v = a.version().id();
    Set<String> codes = inseeCodes(p.communes());
    List<String> qpvCodes = p.qpv().stream().map(Qpv::code).toList();
    List<Aggregates.Activity> activity = queries.activity(v, codes, qpvCodes);
    List<Aggregates.Quality> quality = queries.quality(v, codes, qpvCodes);
    List<Aggregates.Flow> flows = queries.flows(v, codes, qpvCodes);
    int last = a.snapshot().stockDate().getYear();
    List<Integer> years = new ArrayList<>();
    for (int y = last - 9; y <= last; y++) {
      years.add(y);
    }
    List<String> warnings = new ArrayList<>();
    Integer wholePop = 0;
    for (String c : p.communes()) {
      Integer pop = ref.commune(c).map(Commune::population).orElse(null);
      wholePop = wholePop == null || pop == null ? null : wholePop + pop;
    }
    Integer qpvPop = 0;
    boolean secret = false;
    // Every QPV of the perimeter's communes (for a QPV perimeter: also the other QPV of its
    // communes), so that the rest's population excludes all of them, as its establishments do.
    java.util.Map<String, Qpv> allQpv = new java.util.TreeMap<>();
    p.qpv().forEach(q -> allQpv.put(q.code(), q));
    for (String c : p.communes()) {
      ref.qpvOfCommune(c, a.snapshot().stockDate()).forEach(q -> allQpv.putIfAbsent(q.code(), q));
    }
    for (Qpv q : allQpv.values()) {
      if (q.population() == null) {
        secret = true;
        qpvPop = null;
      } else if (qpvPop != null) {
        qpvPop += q.population();
      }
    }
    Calculator calc = new Calculator(activity, quality, flows, years);
    Predicate<String> inPerimeter = codes::contains;
    // The rest of the perimeter, needed for the density ratios.
    Integer restPop = wholePop == null || qpvPop == null ? null : wholePop - qpvPop;
    Sums rest = calc.sums(row -> inPerimeter.test(row.commune()) && row.status() == QpvStatus.HORS_QPV);
    Double restDensity = density(rest.active, restPop);
    List<Diagnostic.Zone> zones = new ArrayList<>();
    for (Qpv q : p.qpv()) {
      Sums s = calc.sums(row -> q.code().equals(row.qpv()));
      zones.add(calc.zone(q.code(), q.nom(), Diagnostic.QPV, q.population(), s, restDensity, q.population() == null));
    }
    boolean single = p.type().equals("QPV");
    if (!single) {
      Sums s = calc.sums(row -> inPerimeter.test(row.commune()) && row.status() == QpvStatus.DANS_QPV);
      zones.add(calc.zone(p.code() + "-QPV", "QPV de " + p.label(), Diagnostic.QPV_PERIMETRE, qpvPop, s, restDensity, secret));
    }
    String restLabel = single ? "Reste de la commune (hors QPV)" : "Reste de " + p.label() + " (hors QPV)";
    zones.add(calc.zone(p.code() + "-HORS-QPV", restLabel, Diagnostic.RESTE, restPop, rest, null, secret));
    Sums whole = calc.sums(row -> inPerimeter.test(row.commune()));
    String wholeLabel = single ? String.join(", ", p.qpv().get(0).communes().stream().map(QpvRef.CommuneRef::nom).toList()) : p.label();
    zones.add(calc.zone(single ? String.join("+", p.communes()) : p.code(), wholeLabel, Diagnostic.PERIMETRE, wholePop, whole, null, secret));
    if (secret) {
      warnings.add("Population d'au moins un QPV inconnue (secret statistique) : densités et ratios non calculés pour les zones concernées.");
    }
    warnings.add("Les établissements placés au hasard dans leur commune (qualite_xy 33) ou non géolocalisés sont « indéterminés » : comptés dans le périmètre entier, ni dans les QPV ni dans le reste.");
    warnings.add("Population des QPV : fichier des indicateurs QPV (millésime ≈ 2020–2022) ; population des communes : COG ; le reste = communes − QPV.");
    warnings.add("Artisanat : code du Répertoire des métiers quand il est renseigné, sinon liste NAF de repli (majorant), voir ADR 0030.");
    warnings.add("Les établissements en diffusion partielle sont comptés dans les agrégats mais jamais listés individuellement.");
    return new Diagnostic(p.type() + " " + p.code(), p.label(), a.snapshot().stockDate(),
        a.version().reference(), years, zones, warnings);
  }

  private static Double density(long active, Integer population) {
    return population == null || population <= 0 ? null : active * 1000.0 / population;
  }

  /** Sums of the aggregate rows of one zone. */
  static final class Sums {
    long active;
    long employer;
    long craftRm;
    long craftNaf;
    final Map<Category, Long> byCategory = new LinkedHashMap<>();
    final Map<String, Long> bySection = new TreeMap<>();
    final Map<Integer, Long> creations = new TreeMap<>();
    final Map<Integer, Long> closures = new TreeMap<>();
    long address;
    long undetermined;
    long qualityTotal;
    long disagree;
    long compared;
    long partial;
  }

  /** A row key: commune, status, QPV. */
  record Key(String commune, QpvStatus status, String qpv) {}

  /** Pure computation of zone figures from aggregate rows. */
  static final class Calculator {
    private final List<Aggregates.Activity> activity;
    private final List<Aggregates.Quality> quality;
    private final List<Aggregates.Flow> flows;
    private final List<Integer> years;

    Calculator(List<Aggregates.Activity> activity, List<Aggregates.Quality> quality,
        List<Aggregates.Flow> flows, List<Integer> years) {
      this.activity = activity;
      this.quality = quality;
      this.flows = flows;
      this.years = years;
    }

    Sums sums(Predicate<Key> filter) {
      Sums s = new Sums();
      for (Aggregates.Activity a : activity) {
        if (filter.test(new Key(a.communeCode(), a.status(), a.qpvCode()))) {
          s.active += a.active();
          s.employer += a.employer();
          s.craftRm += a.craftRm();
          s.craftNaf += a.craftNaf();
          s.byCategory.merge(a.category(), a.active(), Long::sum);
          s.bySection.merge(a.section(), a.active(), Long::sum);
        }
      }
      for (Aggregates.Quality q : quality) {
        if (filter.test(new Key(q.communeCode(), q.status(), q.qpvCode()))) {
          s.qualityTotal += q.active();
          if (q.geoQuality() == GeoQuality.ADRESSE) {
            s.address += q.active();
          }
          if (q.status() == QpvStatus.INDETERMINE) {
            s.undetermined += q.active();
          }
          if (q.inseeCheck() != InseeCheck.NON_COMPARE) {
            s.compared += q.active();
          }
          if (q.inseeCheck() == InseeCheck.DESACCORD) {
            s.disagree += q.active();
          }
          if (q.partialDiffusion()) {
            s.partial += q.active();
          }
        }
      }
      for (Aggregates.Flow f : flows) {
        if (filter.test(new Key(f.communeCode(), f.status(), f.qpvCode()))) {
          (f.kind() == 'C' ? s.creations : s.closures).merge(f.year(), f.count(), Long::sum);
        }
      }
      return s;
    }

    Diagnostic.Zone zone(String code, String label, String type, Integer population, Sums s,
        Double restDensity, boolean secret) {
      Map<String, Double> parts = new LinkedHashMap<>();
      parts.put("commerce", share(s.byCategory.getOrDefault(Category.COMMERCE_PROXIMITE, 0L), s.active));
      parts.put("artisanat", share(s.craftRm + s.craftNaf, s.active));
      parts.put("activites_productives", share(s.byCategory.getOrDefault(Category.ACTIVITES_PRODUCTIVES, 0L), s.active));
      parts.put("numerique", share(s.byCategory.getOrDefault(Category.NUMERIQUE, 0L), s.active));
      parts.put("services", share(s.byCategory.getOrDefault(Category.SERVICES, 0L), s.active));
      parts.put("autres", share(s.byCategory.getOrDefault(Category.AUTRES, 0L), s.active));
      Map<String, Double> sections = new LinkedHashMap<>();
      for (SectorTypology.Section sec : SectorTypology.SECTIONS) {
        sections.put(sec.code(), share(s.bySection.getOrDefault(sec.code(), 0L), s.active));
      }
      sections.put(SectorTypology.UNCLASSIFIED, share(s.bySection.getOrDefault(SectorTypology.UNCLASSIFIED, 0L), s.active));
      Map<Integer, Long> creations = new LinkedHashMap<>();
      Map<Integer, Long> closures = new LinkedHashMap<>();
      for (int y : years) {
        creations.put(y, s.creations.getOrDefault(y, 0L));
        closures.put(y, s.closures.getOrDefault(y, 0L));
      }
      Double density = density(s.active, population);
      Double ratio = type.equals(Diagnostic.QPV) || type.equals(Diagnostic.QPV_PERIMETRE)
          ? (density == null || restDensity == null || restDensity == 0 ? null : round(density / restDensity, 3))
          : null;
      Diagnostic.Qualite q = new Diagnostic.Qualite(share(s.address, s.qualityTotal),
          share(s.undetermined, s.qualityTotal), s.disagree, s.compared, share(s.partial, s.qualityTotal),
          share(s.craftNaf, s.craftRm + s.craftNaf), secret && population == null);
      return new Diagnostic.Zone(code, label, type, population, s.active,
          density == null ? null : round(density, 2), parts, sections, s.employer, share(s.employer, s.active),
          creations, closures, ratio, q);
    }

    private static Double share(long n, long total) {
      return total == 0 ? null : round((double) n / total, 4);
    }

    private static double round(double v, int digits) {
      double f = Math.pow(10, digits);
      return Math.round(v * f) / f;
    }
  }
}
