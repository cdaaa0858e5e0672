package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.programme.ImportRejectedException.Rejection;
import fr.quartiersproductifs.programme.jdbc.ActionRepository;
import fr.quartiersproductifs.programme.xlsx.ActionPlanWorkbook;
import fr.quartiersproductifs.programme.xlsx.ActionPlanWorkbook.Line;
import fr.quartiersproductifs.shared.QpException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Excel round trip of a territory's action plan. An import is validated as a whole first (every
 * line of both sheets, with sheet, line and reason for each rejection); if any line is rejected
 * nothing is written. Then every change is applied in one transaction through {@link
 * ActionService} (same rules, same audit). Lines identical to the stored state are left alone, so
 * re-importing an untouched export changes nothing. Imports never delete: an action or funding
 * line absent from the file is kept.
 */
@Service
public class ActionPlanImportService {
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private final ActionService actions;
  private final ActionRepository repository;
  private final TerritoryService territories;
  private final SchemeService schemes;

  public ActionPlanImportService(
      ActionService actions, ActionRepository repository, TerritoryService territories, SchemeService schemes) {
    this.actions = actions;
    this.repository = repository;
    this.territories = territories;
    this.schemes = schemes;
  }

  public byte[] export(Actor actor, String territory) {
    List<Action> plan = actions.plan(actor, territory);
    return ActionPlanWorkbook.write(territory, plan, repository.fundingOfTerritory(territory));
  }

  /** What an accepted import did. */
  public record Result(int actionsCreees, int actionsModifiees, int financementsCrees, int financementsModifies, int lignesInchangees) {}

  private record PlannedAction(Line line, String key, Action current, Action.Content content) {}

  private record PlannedFunding(Line line, FundingLine current, String actionKey, ActionService.FundingContent content) {}

  @Transactional
  public Result importPlan(Actor actor, String territory, byte[] xlsx) {
    territories.requireExists(territory);
    actor.requireWrite(territory);
    if (xlsx.length > MAX_BYTES) {
      throw new QpException(fr.quartiersproductifs.shared.ErrorCode.TOO_LARGE, "Fichier trop volumineux (10 Mo au plus).");
    }
    ActionPlanWorkbook.Parsed parsed = ActionPlanWorkbook.read(xlsx);
    List<Rejection> rejections = new ArrayList<>();
    Set<String> territoryQpv = new HashSet<>(territories.get(territory).qpv());
    Map<Long, Action> stored = new HashMap<>();
    repository.ofTerritory(territory).forEach(a -> stored.put(a.id(), a));
    Map<Long, FundingLine> storedFunding = new HashMap<>();
    repository.fundingOfTerritory(territory).forEach(f -> storedFunding.put(f.id(), f));

    List<PlannedAction> plannedActions = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Line l : parsed.actions()) {
      try {
        String key = l.get("cle");
        if (key == null) {
          throw QpException.invalid("clé manquante (A<id> pour une action existante, clé libre pour une nouvelle).");
        }
        if (!keys.add(key)) {
          throw QpException.invalid("clé en double : " + key);
        }
        Action.Content content =
            new Action.Content(
                l.get("titre"), l.get("description"), Axis.parse(l.get("axe")),
                l.get("statut") == null ? null : ActionStatus.parse(l.get("statut")),
                l.get("motif_abandon"), l.get("porteur"), list(l.get("partenaires")), list(l.get("dispositifs")),
                list(l.get("qpv")), ActionPlanWorkbook.parseDate(l.get("date_debut"), "date_debut"),
                ActionPlanWorkbook.parseDate(l.get("date_fin"), "date_fin"));
        Action current = null;
        Action next;
        if (key.matches("A[0-9]+")) {
          current = stored.get(Long.parseLong(key.substring(1)));
          if (current == null) {
            throw QpException.invalid("action " + key + " inconnue dans le territoire " + territory + ".");
          }
          long version = version(l);
          if (version != current.version()) {
            throw QpException.invalid(
                "l'action " + key + " a été modifiée depuis l'export (version " + version + ", actuelle " + current.version() + ").");
          }
          next = current.update(content);
        } else {
          next = Action.create(territory, content, false);
        }
        schemes.requireKnown(next.dispositifs());
        for (String q : next.qpv()) {
          if (!territoryQpv.contains(q)) {
            throw QpException.invalid("le QPV " + q + " n'appartient pas au territoire " + territory + ".");
          }
        }
        plannedActions.add(new PlannedAction(l, key, current, content));
      } catch (QpException e) {
        rejections.add(new Rejection(l.sheet(), l.line(), e.getMessage()));
      }
    }

    List<PlannedFunding> plannedFunding = new ArrayList<>();
    for (Line l : parsed.funding()) {
      try {
        String actionKey = l.get("cle_action");
        if (actionKey == null || !keys.contains(actionKey)) {
          throw QpException.invalid("cle_action " + actionKey + " ne désigne aucune action de la feuille Actions.");
        }
        ActionService.FundingContent content =
            new ActionService.FundingContent(
                Funder.parse(l.get("financeur")), year(l.get("annee")), Money.parse(l.get("prevu"), "prevu"),
                Money.parse(l.get("engage"), "engage"), Money.parse(l.get("verse"), "verse"));
        new FundingLine(null, 0, content.financeur(), content.annee(), content.prevu(), content.engage(), content.verse(), false, 0);
        FundingLine current = null;
        if (l.get("id") != null) {
          current = storedFunding.get(parseLong(l.get("id"), "id"));
          if (current == null) {
            throw QpException.invalid("ligne de financement " + l.get("id") + " inconnue dans le territoire " + territory + ".");
          }
          if (!ActionPlanWorkbook.key(current.action()).equals(actionKey)) {
            throw QpException.invalid("une ligne de financement existante ne peut pas changer d'action.");
          }
          long version = version(l);
          if (version != current.version()) {
            throw QpException.invalid(
                "la ligne de financement " + current.id() + " a été modifiée depuis l'export (version " + version + ", actuelle " + current.version() + ").");
          }
        }
        plannedFunding.add(new PlannedFunding(l, current, actionKey, content));
      } catch (QpException e) {
        rejections.add(new Rejection(l.sheet(), l.line(), e.getMessage()));
      }
    }
    if (!rejections.isEmpty()) {
      throw new ImportRejectedException(rejections);
    }

    int created = 0, updated = 0, fundingCreated = 0, fundingUpdated = 0, unchanged = 0;
    Map<String, Long> idOfKey = new HashMap<>();
    for (PlannedAction p : plannedActions) {
      if (p.current() == null) {
        idOfKey.put(p.key(), actions.create(actor, territory, p.content()).id());
        created++;
      } else {
        idOfKey.put(p.key(), p.current().id());
        Action after = actions.update(actor, p.current().id(), p.current().version(), p.content());
        if (after.version() != p.current().version()) {
          updated++;
        } else {
          unchanged++;
        }
      }
    }
    for (PlannedFunding p : plannedFunding) {
      if (p.current() == null) {
        actions.addFunding(actor, idOfKey.get(p.actionKey()), p.content());
        fundingCreated++;
      } else {
        FundingLine after = actions.updateFunding(actor, p.current().id(), p.current().version(), p.content());
        if (after.version() != p.current().version()) {
          fundingUpdated++;
        } else {
          unchanged++;
        }
      }
    }
    return new Result(created, updated, fundingCreated, fundingUpdated, unchanged);
  }

  private static List<String> list(String joined) {
    return joined == null ? List.of() : Arrays.asList(joined.split("\\|"));
  }

  private static long version(Line l) {
    return parseLong(l.get("version"), "version");
  }

  private static long parseLong(String text, String what) {
    try {
      return Long.parseLong(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw QpException.invalid(what + " : nombre entier attendu (" + text + ").");
    }
  }

  private static int year(String text) {
    long y = parseLong(text, "annee");
    if (y < 2000 || y > 2100) {
      throw QpException.invalid("annee invalide : " + text);
    }
    return (int) y;
  }
}
