package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.programme.jdbc.ActionRepository;
import fr.quartiersproductifs.shared.QpException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of action plans and funding lines: access rules, optimistic locking (a write carries
 * the version it is based on; a stale one gets {@link StaleVersionException}), audit of every
 * change in the same transaction.
 */
@Service
public class ActionService {
  static final String ACTION = "action";
  static final String FUNDING = "financement";

  private final ActionRepository repository;
  private final TerritoryService territories;
  private final AuditTrail audit;
  private final SchemeService schemes;

  public ActionService(
      ActionRepository repository, TerritoryService territories, AuditTrail audit, SchemeService schemes) {
    this.repository = repository;
    this.territories = territories;
    this.audit = audit;
    this.schemes = schemes;
  }

  public List<Action> plan(Actor actor, String territory) {
    territories.requireExists(territory);
    actor.requireRead(territory);
    return repository.ofTerritory(territory);
  }

  public Action get(Actor actor, long id) {
    Action a = find(id);
    actor.requireRead(a.territoire());
    return a;
  }

  private Action find(long id) {
    return repository.find(id).orElseThrow(() -> QpException.notFound("Action inconnue : " + id));
  }

  @Transactional
  public Action create(Actor actor, String territory, Action.Content content) {
    return create(actor, territory, content, false);
  }

  @Transactional
  public Action create(Actor actor, String territory, Action.Content content, boolean fictif) {
    territories.requireExists(territory);
    actor.requireWrite(territory);
    Action a = Action.create(territory, content, fictif);
    checkQpv(a);
    long id = repository.insert(a);
    Action created = a.withIdentity(id, 1);
    audit.record(actor, ACTION, id, territory, AuditTrail.CREATION, null, created);
    return created;
  }

  @Transactional
  public Action update(Actor actor, long id, long version, Action.Content content) {
    Action current = find(id);
    actor.requireWrite(current.territoire());
    if (current.version() != version) {
      throw new StaleVersionException("L'action " + id, version, current, current.version());
    }
    Action next = current.update(content);
    checkQpv(next);
    if (next.sameContent(current)) {
      return current;
    }
    if (!repository.update(next)) {
      Action now = find(id);
      throw new StaleVersionException("L'action " + id, version, now, now.version());
    }
    Action saved = find(id);
    audit.record(actor, ACTION, id, current.territoire(), AuditTrail.MODIFICATION, current, saved);
    return saved;
  }

  @Transactional
  public void delete(Actor actor, long id, long version) {
    Action current = find(id);
    actor.requireWrite(current.territoire());
    if (current.version() != version) {
      throw new StaleVersionException("L'action " + id, version, current, current.version());
    }
    List<FundingLine> funding = repository.fundingOf(id);
    if (!repository.delete(id, version)) {
      Action now = find(id);
      throw new StaleVersionException("L'action " + id, version, now, now.version());
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("action", current);
    before.put("financements", funding);
    audit.record(actor, ACTION, id, current.territoire(), AuditTrail.SUPPRESSION, before, null);
  }

  /** The targeted QPV must be QPV of the territory; the schemes must be in the referential. */
  private void checkQpv(Action a) {
    schemes.requireKnown(a.dispositifs());
    if (a.qpv().isEmpty()) {
      return;
    }
    Set<String> allowed = new HashSet<>(territories.get(a.territoire()).qpv());
    for (String q : a.qpv()) {
      if (!allowed.contains(q)) {
        throw QpException.invalid("Le QPV " + q + " n'appartient pas au territoire " + a.territoire() + ".");
      }
    }
  }

  // Funding lines

  public List<FundingLine> funding(Actor actor, long actionId) {
    Action a = get(actor, actionId);
    return repository.fundingOf(a.id());
  }

  public List<FundingLine> fundingOfTerritory(Actor actor, String territory) {
    actor.requireRead(territory);
    return repository.fundingOfTerritory(territory);
  }

  /** The content of a funding line given by a client. */
  public record FundingContent(Funder financeur, int annee, java.math.BigDecimal prevu,
      java.math.BigDecimal engage, java.math.BigDecimal verse) {}

  @Transactional
  public FundingLine addFunding(Actor actor, long actionId, FundingContent c) {
    Action a = find(actionId);
    actor.requireWrite(a.territoire());
    FundingLine line = new FundingLine(null, actionId, c.financeur(), c.annee(), c.prevu(), c.engage(), c.verse(), a.fictif(), 0);
    long id = repository.insertFunding(line);
    FundingLine created = line.withIdentity(id, 1);
    audit.record(actor, FUNDING, id, a.territoire(), AuditTrail.CREATION, null, created);
    return created;
  }

  private FundingLine findFunding(long id) {
    return repository.findFunding(id).orElseThrow(() -> QpException.notFound("Ligne de financement inconnue : " + id));
  }

  public FundingLine getFunding(Actor actor, long id) {
    FundingLine f = findFunding(id);
    actor.requireRead(find(f.action()).territoire());
    return f;
  }

  @Transactional
  public FundingLine updateFunding(Actor actor, long id, long version, FundingContent c) {
    FundingLine current = findFunding(id);
    String territory = find(current.action()).territoire();
    actor.requireWrite(territory);
    if (current.version() != version) {
      throw new StaleVersionException("La ligne de financement " + id, version, current, current.version());
    }
    FundingLine next = new FundingLine(id, current.action(), c.financeur(), c.annee(), c.prevu(), c.engage(), c.verse(), current.fictif(), version);
    if (next.sameContent(current)) {
      return current;
    }
    if (!repository.updateFunding(next)) {
      FundingLine now = findFunding(id);
      throw new StaleVersionException("La ligne de financement " + id, version, now, now.version());
    }
    FundingLine saved = findFunding(id);
    audit.record(actor, FUNDING, id, territory, AuditTrail.MODIFICATION, current, saved);
    return saved;
  }

  @Transactional
  public void deleteFunding(Actor actor, long id, long version) {
    FundingLine current = findFunding(id);
    String territory = find(current.action()).territoire();
    actor.requireWrite(territory);
    if (current.version() != version || !repository.deleteFunding(id, version)) {
      FundingLine now = findFunding(id);
      throw new StaleVersionException("La ligne de financement " + id, version, now, now.version());
    }
    audit.record(actor, FUNDING, id, territory, AuditTrail.SUPPRESSION, current, null);
  }
}
