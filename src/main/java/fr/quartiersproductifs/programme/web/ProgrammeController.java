package fr.quartiersproductifs.programme.web;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.security.CurrentActor;
import fr.quartiersproductifs.programme.Action;
import fr.quartiersproductifs.programme.ActionPlanImportService;
import fr.quartiersproductifs.programme.ActionService;
import fr.quartiersproductifs.programme.ActionStatus;
import fr.quartiersproductifs.programme.Aggregation;
import fr.quartiersproductifs.programme.Axis;
import fr.quartiersproductifs.programme.Consolidation;
import fr.quartiersproductifs.programme.ConsolidationService;
import fr.quartiersproductifs.programme.Frequency;
import fr.quartiersproductifs.programme.Funder;
import fr.quartiersproductifs.programme.FundingLine;
import fr.quartiersproductifs.programme.IndicatorDefinition;
import fr.quartiersproductifs.programme.IndicatorService;
import fr.quartiersproductifs.programme.IndicatorTarget;
import fr.quartiersproductifs.programme.IndicatorValue;
import fr.quartiersproductifs.programme.ProgrammeTerritory;
import fr.quartiersproductifs.programme.Scheme;
import fr.quartiersproductifs.programme.SchemeService;
import fr.quartiersproductifs.programme.TerritoryService;
import fr.quartiersproductifs.programme.export.ConsolidationExports;
import fr.quartiersproductifs.shared.QpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of the programme steering (see docs/programme.md for the access rules). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Programme", description = "Plans d'action, financements, indicateurs, consolidation")
public class ProgrammeController {
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final TerritoryService territories;
  private final ActionService actions;
  private final IndicatorService indicators;
  private final ConsolidationService consolidation;
  private final ActionPlanImportService plans;
  private final SchemeService schemes;

  public ProgrammeController(
      TerritoryService territories, ActionService actions, IndicatorService indicators,
      ConsolidationService consolidation, ActionPlanImportService plans, SchemeService schemes) {
    this.schemes = schemes;
    this.territories = territories;
    this.actions = actions;
    this.indicators = indicators;
    this.consolidation = consolidation;
    this.plans = plans;
  }

  // Territories

  @Operation(summary = "Territoires du programme (pilotes et ajoutés), avec communes et QPV")
  @GetMapping("/programme/territoires")
  public List<ProgrammeTerritory> territories() {
    CurrentActor.get();
    return territories.all();
  }

  @Operation(summary = "Ajoute un territoire (équipe nationale) : SIREN d'un EPCI/EPT ou liste de communes")
  @PostMapping("/programme/territoires")
  public ResponseEntity<ProgrammeTerritory> createTerritory(@RequestBody TerritoryService.NewTerritory body) {
    ProgrammeTerritory t = territories.create(CurrentActor.get(), body);
    return ResponseEntity.created(URI.create("/api/v1/programme/territoires/" + t.id())).body(t);
  }

  @GetMapping("/programme/territoires/{id}")
  public ProgrammeTerritory territory(@PathVariable String id) {
    CurrentActor.get();
    return territories.get(id);
  }

  // Actions

  /** Body of a creation or update of an action ({@code version} required on update). */
  public record ActionRequest(
      String titre, String description, String axe, String statut, String motifAbandon, String porteur,
      List<String> partenaires, List<String> dispositifs, List<String> qpv, LocalDate dateDebut,
      LocalDate dateFin, Long version) {
    Action.Content content() {
      return new Action.Content(
          titre, description, Axis.parse(axe), statut == null ? null : ActionStatus.parse(statut), motifAbandon,
          porteur, partenaires, dispositifs, qpv, dateDebut, dateFin);
    }
  }

  @Operation(summary = "Plan d'action d'un territoire")
  @GetMapping("/territoires/{id}/actions")
  public List<Action> plan(@PathVariable String id) {
    return actions.plan(CurrentActor.get(), id);
  }

  @Operation(summary = "Crée une action (201, avec id et version)")
  @PostMapping("/territoires/{id}/actions")
  public ResponseEntity<Action> create(@PathVariable String id, @RequestBody ActionRequest body) {
    Actor actor = CurrentActor.get();
    Action a = actions.create(actor, id, body.content());
    return ResponseEntity.created(URI.create("/api/v1/actions/" + a.id())).body(a);
  }

  @GetMapping("/actions/{id}")
  public Action action(@PathVariable long id) {
    return actions.get(CurrentActor.get(), id);
  }

  @Operation(summary = "Modifie une action (version obligatoire ; 409 avec l'état courant si elle est périmée)")
  @PutMapping("/actions/{id}")
  public Action update(@PathVariable long id, @RequestBody ActionRequest body) {
    Actor actor = CurrentActor.get();
    return actions.update(actor, id, requireVersion(body.version()), body.content());
  }

  @DeleteMapping("/actions/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version) {
    actions.delete(CurrentActor.get(), id, version);
    return ResponseEntity.noContent().build();
  }

  // Funding lines

  public record FundingRequest(String financeur, Integer annee, BigDecimal prevu, BigDecimal engage, BigDecimal verse, Long version) {
    ActionService.FundingContent content() {
      if (annee == null) {
        throw QpException.invalid("Année obligatoire.");
      }
      return new ActionService.FundingContent(Funder.parse(financeur), annee, prevu, engage, verse);
    }
  }

  @GetMapping("/actions/{id}/financements")
  public List<FundingLine> funding(@PathVariable long id) {
    return actions.funding(CurrentActor.get(), id);
  }

  @PostMapping("/actions/{id}/financements")
  public ResponseEntity<FundingLine> addFunding(@PathVariable long id, @RequestBody FundingRequest body) {
    Actor actor = CurrentActor.get();
    FundingLine f = actions.addFunding(actor, id, body.content());
    return ResponseEntity.created(URI.create("/api/v1/financements/" + f.id())).body(f);
  }

  @GetMapping("/financements/{id}")
  public FundingLine fundingLine(@PathVariable long id) {
    return actions.getFunding(CurrentActor.get(), id);
  }

  @PutMapping("/financements/{id}")
  public FundingLine updateFunding(@PathVariable long id, @RequestBody FundingRequest body) {
    Actor actor = CurrentActor.get();
    return actions.updateFunding(actor, id, requireVersion(body.version()), body.content());
  }

  @DeleteMapping("/financements/{id}")
  public ResponseEntity<Void> deleteFunding(@PathVariable long id, @RequestParam long version) {
    actions.deleteFunding(CurrentActor.get(), id, version);
    return ResponseEntity.noContent().build();
  }

  // Excel round trip

  @Operation(summary = "Exporte le plan d'action et les financements du territoire en XLSX")
  @GetMapping("/territoires/{id}/plan.xlsx")
  public ResponseEntity<byte[]> exportPlan(@PathVariable String id) {
    byte[] body = plans.export(CurrentActor.get(), id);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-" + id + ".xlsx\"")
        .body(body);
  }

  @Operation(summary = "Importe un plan d'action XLSX (validé en entier : rien n'est écrit si une ligne est rejetée)")
  @PostMapping(value = "/territoires/{id}/plan.xlsx", consumes = MediaType.ALL_VALUE)
  public ActionPlanImportService.Result importPlan(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request)
      throws java.io.IOException {
    Actor actor = CurrentActor.get();
    byte[] body = request.getInputStream().readNBytes(ActionPlanImportService.MAX_BYTES + 1);
    if (body.length > ActionPlanImportService.MAX_BYTES) {
      throw new QpException(fr.quartiersproductifs.shared.ErrorCode.TOO_LARGE, "Fichier trop volumineux (10 Mo au plus).");
    }
    return plans.importPlan(actor, id, body);
  }

  // Schemes

  @Operation(summary = "Référentiel des dispositifs (CitésLab, foncières, France Num...)")
  @GetMapping("/dispositifs")
  public List<Scheme> schemes() {
    return schemes.all();
  }

  public record SchemeRequest(String code, String libelle, String operateur) {}

  @Operation(summary = "Ajoute un dispositif au référentiel (équipe nationale)")
  @PostMapping("/dispositifs")
  public ResponseEntity<Scheme> createScheme(@RequestBody SchemeRequest body) {
    Scheme s = schemes.create(CurrentActor.get(), new Scheme(body.code(), body.libelle(), body.operateur(), 1));
    return ResponseEntity.created(URI.create("/api/v1/dispositifs/" + s.code())).body(s);
  }

  // Indicators

  @Operation(summary = "Référentiel des indicateurs (nationaux et locaux)")
  @GetMapping("/indicateurs")
  public List<IndicatorDefinition> definitions() {
    return indicators.definitions();
  }

  public record DefinitionRequest(
      String code, String libelle, String unite, String methode, String source, String frequence, String sens,
      String agregation, Boolean automatique, String territoire) {}

  @PostMapping("/indicateurs")
  public ResponseEntity<IndicatorDefinition> createDefinition(@RequestBody DefinitionRequest b) {
    Actor actor = CurrentActor.get();
    IndicatorDefinition d =
        new IndicatorDefinition(
            b.code(), b.libelle(), b.unite(), b.methode(), b.source(), Frequency.parse(b.frequence()), b.sens(),
            Aggregation.parse(b.agregation()), Boolean.TRUE.equals(b.automatique()),
            b.territoire() == null || b.territoire().isBlank() ? null : b.territoire(), 1);
    IndicatorDefinition created = indicators.createDefinition(actor, d);
    return ResponseEntity.created(URI.create("/api/v1/indicateurs/" + created.code())).body(created);
  }

  @Operation(summary = "Indicateurs d'un territoire : cibles, valeurs saisies, valeur automatique (ou « non disponible »)")
  @GetMapping("/territoires/{id}/indicateurs")
  public List<IndicatorService.TerritoryIndicator> territoryIndicators(
      @PathVariable String id, @RequestParam(required = false) String periode) {
    return indicators.ofTerritory(CurrentActor.get(), id, periode);
  }

  @Operation(summary = "Saisit ou corrige (avec version) la valeur d'un indicateur pour une période")
  @PutMapping("/territoires/{id}/indicateurs/{code}/valeurs/{periode}")
  public IndicatorValue setValue(
      @PathVariable String id, @PathVariable String code, @PathVariable String periode,
      @RequestBody IndicatorService.ValueInput body) {
    return indicators.setValue(CurrentActor.get(), id, code, periode, body);
  }

  @Operation(summary = "Historique d'une valeur (la plus récente d'abord)")
  @GetMapping("/territoires/{id}/indicateurs/{code}/valeurs/{periode}/historique")
  public List<IndicatorValue> history(@PathVariable String id, @PathVariable String code, @PathVariable String periode) {
    return indicators.history(CurrentActor.get(), id, code, periode);
  }

  @PutMapping("/territoires/{id}/indicateurs/{code}/cibles")
  public IndicatorTarget setTarget(
      @PathVariable String id, @PathVariable String code, @RequestBody IndicatorService.TargetInput body) {
    return indicators.setTarget(CurrentActor.get(), id, code, body, false);
  }

  // Consolidation

  @Operation(summary = "Consolidation par territoire et nationale (JSON, ou format=csv|xlsx)")
  @GetMapping("/consolidation")
  public ResponseEntity<?> consolidation(
      @RequestParam(required = false) String format, @RequestParam(required = false) String periode) {
    Consolidation c = consolidation.consolidate(CurrentActor.get(), periode);
    if (format == null || format.equals("json")) {
      return ResponseEntity.ok(c);
    }
    return switch (format) {
      case "csv" -> file(ConsolidationExports.csv(c), CSV, "consolidation.csv");
      case "xlsx" -> file(ConsolidationExports.xlsx(c), XLSX, "consolidation.xlsx");
      default -> throw QpException.invalid("Format inconnu : " + format + " (json, csv ou xlsx).");
    };
  }

  @Operation(summary = "Données ouvertes : actions de tous les territoires avec leurs montants, sans donnée personnelle (CSV)")
  @GetMapping("/consolidation/donnees-ouvertes")
  public ResponseEntity<byte[]> openData() {
    return file(ConsolidationExports.openData(consolidation.facts(null)), CSV, "quartiers-productifs-actions.csv");
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(body);
  }

  private static long requireVersion(Long version) {
    if (version == null) {
      throw QpException.invalid("Version obligatoire pour une modification (champ « version »).");
    }
    return version;
  }
}
