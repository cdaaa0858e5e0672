package fr.quartiersproductifs.geography.web;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.geography.GeographyService;
import fr.quartiersproductifs.geography.PilotTerritory;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.shared.QpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Browsing the reference data: pilot territories, QPV (JSON and GeoJSON), dataset versions. */
@RestController
@Tag(name = "Référentiels", description = "Territoires pilotes, QPV, versions des données")
public class ReferenceController {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final GeographyService geography;
  private final DatasetVersions versions;

  public ReferenceController(GeographyService geography, DatasetVersions versions) {
    this.geography = geography;
    this.versions = versions;
  }

  /** A pilot territory in lists. */
  public record TerritorySummary(
      String id, String libelle, String perimetre, String sirenGroupement, String nomGroupement,
      Integer population, int nombreCommunes, int nombreQpv, Integer populationQpv) {}

  /** A pilot territory in detail. */
  public record TerritoryDetail(
      String id, String libelle, String perimetre, String sirenGroupement, String nomGroupement,
      Integer population, LocalDate date, List<PilotTerritory.TerritoryCommune> communes,
      List<QpvSummary> qpv, Integer populationQpv) {}

  /** A QPV in lists. */
  public record QpvSummary(
      String code, String nom, int generation, List<QpvRef.CommuneRef> communes, Integer population) {}

  /** A QPV in detail. */
  public record QpvDetail(
      String code, String nom, int generation, List<QpvRef.CommuneRef> communes,
      List<QpvRef.GroupingRef> epci, List<String> territoires, String departement, String region,
      Integer population, Map<String, Double> indicateurs, List<String> valeursAtypiques,
      LocalDate enVigueurDu, LocalDate enVigueurAu, String versionDonnees) {}

  @GetMapping(value = "/api/v1/territoires", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Les territoires pilotes Quartiers productifs")
  public List<TerritorySummary> territories(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    ReferenceGeography g = geography.current();
    LocalDate d = dateOrToday(date);
    return g.territories().stream()
        .map(
            t -> {
              List<Qpv> qpv = g.qpvOfTerritory(t.id(), d);
              return new TerritorySummary(
                  t.id(), t.libelle(), t.perimeterKind(), t.groupingSiren(), t.groupingName(),
                  t.population(), t.communes().size(), qpv.size(), populationOf(qpv));
            })
        .toList();
  }

  @GetMapping(value = "/api/v1/territoires/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Un territoire pilote : ses communes et ses QPV en vigueur à la date, avec leur population")
  public TerritoryDetail territory(
      @PathVariable String id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    ReferenceGeography g = geography.current();
    PilotTerritory t = g.territory(id).orElseThrow(() -> QpException.notFound("Territoire inconnu : " + id));
    LocalDate d = dateOrToday(date);
    List<Qpv> qpv = g.qpvOfTerritory(id, d);
    return new TerritoryDetail(
        t.id(), t.libelle(), t.perimeterKind(), t.groupingSiren(), t.groupingName(), t.population(), d,
        t.communes(), qpv.stream().map(ReferenceController::summary).toList(), populationOf(qpv));
  }

  @GetMapping(value = "/api/v1/qpv/{code:Q[A-Z0-9]+}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Un QPV : propriétés, communes, EPCI/EPT, indicateurs, période de validité")
  public QpvDetail qpv(@PathVariable String code) {
    ReferenceGeography g = geography.current();
    Qpv q = g.qpv(code.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> QpException.notFound("QPV inconnu : " + code));
    QpvRef ref = g.ref(q);
    String version = g.versions().stream().filter(v -> v.id() == q.versionId()).map(DatasetVersion::reference).findFirst().orElse(null);
    return new QpvDetail(
        q.code(), q.nom(), q.generation().year(), q.communes(), ref.epci(), ref.territoires(),
        q.departement(), q.region(), q.population(), q.indicators(), q.flags(), q.validFrom(), q.validTo(), version);
  }

  @GetMapping(value = "/api/v1/qpv", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Contours des QPV en GeoJSON",
      description = "Filtres : territoire, departement, commune (un arrondissement vaut sa commune), date (défaut : aujourd'hui).")
  public ResponseEntity<String> qpvGeoJson(
      @RequestParam(required = false) String territoire,
      @RequestParam(required = false) String departement,
      @RequestParam(required = false) String commune,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    ReferenceGeography g = geography.current();
    LocalDate d = dateOrToday(date);
    List<Qpv> list;
    if (territoire != null) {
      g.territory(territoire).orElseThrow(() -> QpException.notFound("Territoire inconnu : " + territoire));
      list = g.qpvOfTerritory(territoire, d);
    } else if (commune != null) {
      list = g.qpvOfCommune(commune, d);
    } else {
      list = g.qpvInForce(d);
    }
    if (departement != null) {
      list = list.stream().filter(q -> departement.equals(q.departement())).toList();
    }
    ObjectNode collection = JSON.createObjectNode();
    collection.put("type", "FeatureCollection");
    ArrayNode features = collection.putArray("features");
    GeoJsonWriter writer = new GeoJsonWriter(6);
    writer.setEncodeCRS(false);
    for (Qpv q : list.stream().sorted(Comparator.comparing(Qpv::code)).toList()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", q.code());
      ObjectNode p = f.putObject("properties");
      p.put("code", q.code());
      p.put("nom", q.nom());
      p.put("generation", q.generation().year());
      p.put("communes", String.join(",", q.communes().stream().map(QpvRef.CommuneRef::code).toList()));
      if (q.population() == null) {
        p.putNull("population");
      } else {
        p.put("population", q.population());
      }
      p.put("territoires", String.join(",", g.territoriesOfQpv(q)));
      p.put("en_vigueur_du", q.validFrom().toString());
      p.put("en_vigueur_au", q.validTo() == null ? null : q.validTo().toString());
      f.set("geometry", JSON.readTree(writer.write(q.geometry())));
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(JSON.writeValueAsString(collection));
  }

  @GetMapping(value = "/api/v1/jeux-de-donnees", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Versions des jeux de données importés (source, SHA-256, lignes, date d'import)")
  public List<DatasetVersion> datasets() {
    return versions.all();
  }

  /** A dataset version with its rejected, repaired and flagged rows. */
  public record DatasetDetail(DatasetVersion version, List<ImportIssue> signalements) {}

  @GetMapping(value = "/api/v1/jeux-de-donnees/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Une version de jeu de données et ses lignes rejetées ou réparées (ligne et raison)")
  public DatasetDetail dataset(@PathVariable long id) {
    DatasetVersion v = versions.find(id).orElseThrow(() -> QpException.notFound("Version de données inconnue : " + id));
    return new DatasetDetail(v, versions.issues(id));
  }

  private static QpvSummary summary(Qpv q) {
    return new QpvSummary(q.code(), q.nom(), q.generation().year(), q.communes(), q.population());
  }

  private static Integer populationOf(List<Qpv> qpv) {
    return qpv.stream().allMatch(q -> q.population() == null)
        ? null
        : qpv.stream().mapToInt(q -> q.population() == null ? 0 : q.population()).sum();
  }

  private static LocalDate dateOrToday(LocalDate date) {
    return date != null ? date : LocalDate.now(QpvLocationService.PARIS);
  }

}
