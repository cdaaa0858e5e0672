package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.programme.jdbc.IndicatorRepository;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Indicator referential, targets, manual values with provenance and correction history. */
@Service
public class IndicatorService {
  static final String VALUE = "valeur_indicateur";
  static final String TARGET = "cible_indicateur";
  static final String DEFINITION = "indicateur";
  public static final String NOT_AVAILABLE = "non disponible";

  private final IndicatorRepository repository;
  private final TerritoryService territories;
  private final AuditTrail audit;
  private final ObjectProvider<AutomaticIndicatorSource> automatic;

  public IndicatorService(
      IndicatorRepository repository, TerritoryService territories, AuditTrail audit,
      ObjectProvider<AutomaticIndicatorSource> automatic) {
    this.repository = repository;
    this.territories = territories;
    this.audit = audit;
    this.automatic = automatic;
  }

  public List<IndicatorDefinition> definitions() {
    return repository.definitions();
  }

  public IndicatorDefinition definition(String code) {
    return repository.definition(code).orElseThrow(() -> QpException.notFound("Indicateur inconnu : " + code));
  }

  @Transactional
  public IndicatorDefinition createDefinition(Actor actor, IndicatorDefinition d) {
    if (d.territoire() == null) {
      actor.requireAdmin();
    } else {
      territories.requireExists(d.territoire());
      actor.requireWrite(d.territoire());
    }
    if (d.automatique()) {
      actor.requireAdmin();
    }
    if (repository.definition(d.code()).isPresent()) {
      throw new QpException(ErrorCode.CONFLICT, "L'indicateur " + d.code() + " existe déjà.");
    }
    repository.insertDefinition(d);
    IndicatorDefinition created = definition(d.code());
    audit.record(actor, DEFINITION, d.code(), d.territoire(), AuditTrail.CREATION, null, created);
    return created;
  }

  /** The indicators of a territory: definitions that apply, targets, values, automatic value. */
  public record TerritoryIndicator(
      IndicatorDefinition definition,
      List<IndicatorTarget> cibles,
      List<IndicatorValue> valeurs,
      BigDecimal valeurAutomatique,
      String etatAutomatique) {}

  public List<TerritoryIndicator> ofTerritory(Actor actor, String territory, String period) {
    ProgrammeTerritory t = territories.get(territory);
    actor.requireRead(territory);
    List<IndicatorValue> values = repository.values(territory);
    List<IndicatorTarget> targets = repository.targets(territory);
    List<TerritoryIndicator> out = new ArrayList<>();
    for (IndicatorDefinition d : repository.definitions()) {
      if (d.territoire() != null && !d.territoire().equals(territory)) {
        continue;
      }
      BigDecimal auto = null;
      String state = null;
      if (d.automatique()) {
        AutomaticIndicatorSource source = automatic.getIfAvailable();
        String p = period != null ? period : String.valueOf(LocalDate.now().getYear() - 1);
        Optional<BigDecimal> v =
            source == null ? Optional.empty() : source.value(d.code(), territory, t.communes(), t.qpv(), p);
        auto = v.orElse(null);
        state = v.isPresent() ? "calculé (" + source.source() + ", période " + p + ")" : NOT_AVAILABLE;
      }
      out.add(
          new TerritoryIndicator(
              d,
              targets.stream().filter(x -> x.indicateur().equals(d.code())).toList(),
              values.stream().filter(x -> x.indicateur().equals(d.code())).toList(),
              auto,
              state));
    }
    return out;
  }

  /** A value entered by hand: a new period, or a correction of an existing one (with version). */
  public record ValueInput(BigDecimal valeur, String source, String commentaire, Long version) {}

  @Transactional
  public IndicatorValue setValue(Actor actor, String territory, String code, String rawPeriod, ValueInput in) {
    return setValue(actor, territory, code, rawPeriod, in, false);
  }

  @Transactional
  public IndicatorValue setValue(
      Actor actor, String territory, String code, String rawPeriod, ValueInput in, boolean fictif) {
    territories.requireExists(territory);
    actor.requireWrite(territory);
    IndicatorDefinition d = definition(code);
    if (d.territoire() != null && !d.territoire().equals(territory)) {
      throw QpException.invalid("L'indicateur " + code + " est propre au territoire " + d.territoire() + ".");
    }
    if (d.automatique()) {
      throw QpException.invalid("L'indicateur " + code + " est calculé automatiquement : pas de saisie manuelle.");
    }
    String period = d.frequence().checkPeriod(rawPeriod);
    if (in.valeur() == null) {
      throw QpException.invalid("Valeur obligatoire.");
    }
    if (in.valeur().abs().compareTo(new BigDecimal("99999999999999")) > 0 || in.valeur().scale() > 4) {
      throw QpException.invalid("Valeur hors limites (14 chiffres, 4 décimales au plus).");
    }
    String source = Texts.optional(in.source(), "Source", 300);
    String comment = Texts.optional(in.commentaire(), "Commentaire", 2000);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Optional<IndicatorValue> existing = repository.value(code, territory, period);
    if (existing.isEmpty()) {
      IndicatorValue v = new IndicatorValue(null, code, territory, period, in.valeur(), source, comment, actor.name(), now, fictif, 0);
      long id = repository.insertValue(v);
      IndicatorValue created = repository.value(code, territory, period).orElseThrow();
      audit.record(actor, VALUE, id, territory, AuditTrail.CREATION, null, created);
      return created;
    }
    IndicatorValue old = existing.get();
    if (in.version() == null) {
      throw new StaleVersionException("La valeur " + code + " " + period, 0, old, old.version());
    }
    if (old.version() != in.version()) {
      throw new StaleVersionException("La valeur " + code + " " + period, in.version(), old, old.version());
    }
    IndicatorValue next = new IndicatorValue(old.id(), code, territory, period, in.valeur(), source, comment, actor.name(), now, old.fictif(), old.version());
    if (!repository.correctValue(old, next)) {
      IndicatorValue current = repository.value(code, territory, period).orElseThrow();
      throw new StaleVersionException("La valeur " + code + " " + period, in.version(), current, current.version());
    }
    IndicatorValue saved = repository.value(code, territory, period).orElseThrow();
    audit.record(actor, VALUE, old.id(), territory, AuditTrail.MODIFICATION, old, saved);
    return saved;
  }

  /** The current value followed by its previous states, newest first. */
  public List<IndicatorValue> history(Actor actor, String territory, String code, String period) {
    actor.requireRead(territory);
    IndicatorValue current =
        repository.value(code, territory, definition(code).frequence().checkPeriod(period))
            .orElseThrow(() -> QpException.notFound("Aucune valeur pour " + code + " " + period + " à " + territory));
    List<IndicatorValue> out = new ArrayList<>(repository.history(current));
    out.add(current);
    java.util.Collections.reverse(out);
    return out;
  }

  public record TargetInput(BigDecimal valeur, LocalDate echeance, Long version) {}

  @Transactional
  public IndicatorTarget setTarget(Actor actor, String territory, String code, TargetInput in, boolean fictif) {
    territories.requireExists(territory);
    actor.requireWrite(territory);
    definition(code);
    if (in.valeur() == null || in.echeance() == null) {
      throw QpException.invalid("Valeur et échéance de la cible obligatoires.");
    }
    Optional<IndicatorTarget> existing = repository.target(code, territory, in.echeance());
    if (existing.isEmpty()) {
      long id = repository.insertTarget(new IndicatorTarget(null, code, territory, in.valeur(), in.echeance(), fictif, 0));
      IndicatorTarget created = repository.target(code, territory, in.echeance()).orElseThrow();
      audit.record(actor, TARGET, id, territory, AuditTrail.CREATION, null, created);
      return created;
    }
    IndicatorTarget old = existing.get();
    if (in.version() == null || old.version() != in.version() || !repository.updateTarget(old, in.valeur())) {
      IndicatorTarget current = repository.target(code, territory, in.echeance()).orElseThrow();
      throw new StaleVersionException("La cible " + code, in.version() == null ? 0 : in.version(), current, current.version());
    }
    IndicatorTarget saved = repository.target(code, territory, in.echeance()).orElseThrow();
    audit.record(actor, TARGET, old.id(), territory, AuditTrail.MODIFICATION, old, saved);
    return saved;
  }
}
