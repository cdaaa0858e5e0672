package fr.quartiersproductifs.economy.web;

import fr.quartiersproductifs.economy.Category;
import fr.quartiersproductifs.economy.Diagnostic;
import fr.quartiersproductifs.economy.DiagnosticExport;
import fr.quartiersproductifs.economy.DiagnosticService;
import fr.quartiersproductifs.economy.EstablishmentRow;
import fr.quartiersproductifs.economy.NafLabels;
import fr.quartiersproductifs.economy.SectorTypology;
import fr.quartiersproductifs.economy.jdbc.EconomyQueries;
import fr.quartiersproductifs.shared.QpException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Diagnostic and establishment lists over HTTP (same services as {@code qp diagnostic}). */
@RestController
@RequestMapping("/api/v1")
public class EconomyController {
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final int MAX_PAGE = 500;

  private final DiagnosticService service;
  private final EconomyQueries queries;
  private final NafLabels labels;

  public EconomyController(DiagnosticService service, EconomyQueries queries, NafLabels labels) {
    this.service = service;
    this.queries = queries;
    this.labels = labels;
  }

  @GetMapping("/territoires/{id}/diagnostic")
  public ResponseEntity<?> territory(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
    return render(service.diagnostic(service.territory(id)), format, "diagnostic-" + id);
  }

  @GetMapping("/qpv/{code}/diagnostic")
  public ResponseEntity<?> qpv(@PathVariable String code, @RequestParam(defaultValue = "json") String format) {
    return render(service.diagnostic(service.qpv(code)), format, "diagnostic-" + code);
  }

  @GetMapping("/communes/{code}/diagnostic")
  public ResponseEntity<?> commune(@PathVariable String code, @RequestParam(defaultValue = "json") String format) {
    return render(service.diagnostic(service.commune(code)), format, "diagnostic-" + code);
  }

  @GetMapping("/epci/{siren}/diagnostic")
  public ResponseEntity<?> epci(@PathVariable String siren, @RequestParam(defaultValue = "json") String format) {
    return render(service.diagnostic(service.epci(siren)), format, "diagnostic-" + siren);
  }

  private ResponseEntity<?> render(Diagnostic d, String format, String name) {
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> ResponseEntity.ok(d);
      case "csv" -> ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + safe + ".csv\"")
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .body(DiagnosticExport.csv(d));
      case "xlsx" -> ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + safe + ".xlsx\"")
          .contentType(XLSX)
          .body(DiagnosticExport.xlsx(d));
      default -> throw QpException.invalid("Format inconnu « " + format + " » : json, csv ou xlsx.");
    };
  }

  /** An establishment as listed (public diffusion only). */
  public record Etablissement(String siret, String enseigne, String naf, String libelleNaf, String section,
      String categorie, String artisanat, String adresse, String codeCommune, String dateCreation,
      String statutQpv, String codeQpv, String plgQp24Insee, String qualiteGeolocalisation) {}

  /** A page of establishments. */
  public record PageEtablissements(String perimetre, String dateStock, long total, int page, int taille,
      List<Etablissement> etablissements, String avertissement) {}

  @GetMapping("/territoires/{id}/etablissements")
  public ResponseEntity<?> territoryEstablishments(@PathVariable String id,
      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int taille,
      @RequestParam(required = false) String categorie, @RequestParam(required = false) String section,
      @RequestParam(defaultValue = "json") String format) {
    var p = service.territory(id);
    return list("TERRITOIRE " + id, service.inseeCodes(p.communes()), null, page, taille, categorie, section, format);
  }

  @GetMapping("/communes/{code}/etablissements")
  public ResponseEntity<?> communeEstablishments(@PathVariable String code,
      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int taille,
      @RequestParam(required = false) String categorie, @RequestParam(required = false) String section,
      @RequestParam(defaultValue = "json") String format) {
    var p = service.commune(code);
    return list("COMMUNE " + p.code(), service.inseeCodes(p.communes()), null, page, taille, categorie, section, format);
  }

  @GetMapping("/qpv/{code}/etablissements")
  public ResponseEntity<?> qpvEstablishments(@PathVariable String code,
      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int taille,
      @RequestParam(required = false) String categorie, @RequestParam(required = false) String section,
      @RequestParam(defaultValue = "json") String format) {
    var p = service.qpv(code);
    return list("QPV " + p.code(), List.of(), p.code(), page, taille, categorie, section, format);
  }

  private ResponseEntity<?> list(String perimeter, java.util.Collection<String> communes, String qpv, int page,
      int size, String categorie, String section, String format) {
    boolean csv = format.equalsIgnoreCase("csv");
    if (!csv && !format.equalsIgnoreCase("json")) {
      throw QpException.invalid("Format inconnu « " + format + " » : json ou csv.");
    }
    if (page < 1 || size < 1 || (!csv && size > MAX_PAGE)) {
      throw QpException.invalid("Page (≥ 1) et taille (1 à " + MAX_PAGE + ") attendues.");
    }
    Category cat = null;
    if (categorie != null && !categorie.isBlank()) {
      cat = Category.ofKey(categorie);
      if (cat == null) {
        throw QpException.invalid("Catégorie inconnue « " + categorie + " » : commerce, activites_productives, numerique, services, autres.");
      }
    }
    String sec = null;
    if (section != null && !section.isBlank()) {
      sec = section.trim().toUpperCase(Locale.ROOT);
      String s = sec;
      if (SectorTypology.SECTIONS.stream().noneMatch(x -> x.code().equals(s))) {
        throw QpException.invalid("Section NAF inconnue « " + section + " » : A à U.");
      }
    }
    var active = service.active();
    int limit = csv ? 100_000 : size;
    int offset = csv ? 0 : (page - 1) * size;
    EconomyQueries.Page result = queries.establishments(active.version().id(), communes, qpv, cat, sec, offset, limit);
    if (csv) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"etablissements.csv\"")
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .body(DiagnosticExport.establishmentsCsv(result.items(), labels::label));
    }
    String warning = active.snapshot().keepMode().equals("TOUS") ? null
        : "Seuls les établissements des territoires pilotes sont conservés individuellement (mode "
            + active.snapshot().keepMode().toLowerCase(Locale.ROOT) + ") ; ceux en diffusion partielle ne sont jamais listés.";
    return ResponseEntity.ok(new PageEtablissements(perimeter, active.snapshot().stockDate().toString(),
        result.total(), page, size, result.items().stream().map(this::view).toList(), warning));
  }

  /** Establishments where our QPV answer and INSEE's plg_qp24 differ (public diffusion only). */
  @GetMapping("/territoires/{id}/desaccords-insee")
  public List<fr.quartiersproductifs.economy.Aggregates.Disagreement> disagreements(@PathVariable String id,
      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int taille) {
    if (page < 1 || taille < 1 || taille > MAX_PAGE) {
      throw QpException.invalid("Page (≥ 1) et taille (1 à " + MAX_PAGE + ") attendues.");
    }
    var p = service.territory(id);
    return queries.disagreements(service.active().version().id(), service.inseeCodes(p.communes()),
        (page - 1) * taille, taille);
  }

  /** The SIRENE imports whose aggregates are kept (history by stock date). */
  @GetMapping("/sirene/imports")
  public List<EconomyQueries.Snapshot> imports() {
    return queries.history();
  }

  private Etablissement view(EstablishmentRow e) {
    return new Etablissement(e.siret(), e.sign(), e.naf(), labels.label(e.naf()), e.section(),
        e.category().label(), e.craft() == null ? null : e.craft(), e.address(), e.communeCode(),
        e.dateCreation() == null ? null : e.dateCreation().toString(), e.status().name(), e.qpvCode(),
        e.inseeQp24(), e.geoQuality().name());
  }
}
