package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.programme.jdbc.TerritoryRepository;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's territories: the pilot territories are seeded from the reference data on start
 * (missing ones only); the national team adds others with a perimeter of communes or an EPCI/EPT.
 */
@Service
@Order(100)
public class TerritoryService implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(TerritoryService.class);
  private static final Pattern ID = Pattern.compile("[A-Z0-9_]{2,32}");
  private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

  private final TerritoryRepository repository;
  private final TerritoryReference reference;
  private final AuditTrail audit;

  public TerritoryService(TerritoryRepository repository, TerritoryReference reference, AuditTrail audit) {
    this.repository = repository;
    this.reference = reference;
    this.audit = audit;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      int added = seedPilotTerritories();
      if (added > 0) {
        log.info("{} territoires pilotes du programme enregistrés", added);
      }
    } catch (QpException e) {
      log.warn("Territoires pilotes non enregistrés : {}", e.getMessage());
    }
  }

  /** Inserts the pilot territories that are not there yet; returns how many were added. */
  @Transactional
  public int seedPilotTerritories() {
    int added = 0;
    for (TerritoryReference.ReferenceTerritory t : reference.pilotTerritories()) {
      if (!repository.exists(t.id())) {
        repository.insert(
            new TerritoryRepository.Row(t.id(), t.libelle(), t.perimetre(), t.siren(), t.population(), true, null, 1),
            t.communes());
        added++;
      }
    }
    return added;
  }

  public List<ProgrammeTerritory> all() {
    return repository.all().stream().map(this::toTerritory).toList();
  }

  public ProgrammeTerritory get(String id) {
    return repository
        .find(id)
        .map(this::toTerritory)
        .orElseThrow(() -> QpException.notFound("Territoire du programme inconnu : " + id));
  }

  public void requireExists(String id) {
    if (!repository.exists(id)) {
      throw QpException.notFound("Territoire du programme inconnu : " + id);
    }
  }

  private ProgrammeTerritory toTerritory(TerritoryRepository.Row r) {
    List<String> communes = repository.communes(r.id());
    List<String> qpv = reference.qpvOfCommunes(communes).stream().map(TerritoryReference.QpvInfo::code).toList();
    return new ProgrammeTerritory(
        r.id(), r.label(), r.perimeterKind(), r.siren(), r.population(), r.pilot(), r.team(), communes, qpv, r.version());
  }

  /** What the national team gives to add a territory: an EPCI/EPT SIREN or a list of communes. */
  public record NewTerritory(String id, String libelle, String siren, List<String> communes, String equipe) {}

  @Transactional
  public ProgrammeTerritory create(Actor actor, NewTerritory n) {
    actor.requireAdmin();
    String id = n.id() == null ? "" : n.id().trim().toUpperCase(Locale.ROOT);
    if (!ID.matcher(id).matches()) {
      throw QpException.invalid("Identifiant de territoire invalide (lettres majuscules, chiffres, _ ; 2 à 32) : " + n.id());
    }
    if (repository.exists(id)) {
      throw new QpException(ErrorCode.CONFLICT, "Le territoire " + id + " existe déjà.");
    }
    String label = Texts.required(n.libelle(), "Libellé", 300);
    String team = Texts.optional(n.equipe(), "Équipe", 2000);
    boolean bySiren = n.siren() != null && !n.siren().isBlank();
    boolean byCommunes = n.communes() != null && !n.communes().isEmpty();
    if (bySiren == byCommunes) {
      throw QpException.invalid("Précisez soit le SIREN d'un EPCI/EPT, soit une liste de communes.");
    }
    String kind;
    Long population;
    List<String> communes;
    String siren = null;
    if (bySiren) {
      siren = n.siren().trim();
      TerritoryReference.Grouping g =
          reference.grouping(siren).orElseThrow(() -> QpException.notFound("EPCI ou EPT inconnu : " + n.siren()));
      kind = "EPT".equals(g.type()) ? "ept" : "epci";
      population = g.population();
      communes = g.communes();
    } else {
      kind = "communes";
      population = null;
      communes = new ArrayList<>();
      for (String c : n.communes()) {
        String code = c == null ? "" : c.trim();
        if (!COMMUNE.matcher(code).matches()) {
          throw QpException.invalid("Code commune invalide : " + c);
        }
        if (!communes.contains(code)) {
          communes.add(code);
        }
      }
    }
    repository.insert(new TerritoryRepository.Row(id, label, kind, siren, population, false, team, 1), communes);
    ProgrammeTerritory created = get(id);
    audit.record(actor, "territoire", id, id, AuditTrail.CREATION, null, created);
    return created;
  }
}
