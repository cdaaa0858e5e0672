package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.time.LocalDate;
import java.util.List;

/**
 * An action of a territory's action plan. Valid by construction; status changes go through {@link
 * #update} which guards the transitions.
 *
 * @param qpv the QPV targeted (codes); empty means every QPV of the territory
 * @param fictif part of the demonstration programme (fictional)
 */
public record Action(
    Long id,
    String territoire,
    String titre,
    String description,
    Axis axe,
    ActionStatus statut,
    String motifAbandon,
    String porteur,
    List<String> partenaires,
    List<String> dispositifs,
    List<String> qpv,
    LocalDate dateDebut,
    LocalDate dateFin,
    boolean fictif,
    long version) {

  public Action {
    if (territoire == null || territoire.isBlank()) {
      throw QpException.invalid("Territoire obligatoire.");
    }
    titre = Texts.required(titre, "Titre", 300);
    description = Texts.optional(description, "Description", 4000);
    if (axe == null) {
      throw QpException.invalid("Axe obligatoire.");
    }
    if (statut == null) {
      statut = ActionStatus.EN_PROJET;
    }
    motifAbandon = Texts.optional(motifAbandon, "Motif d'abandon", 1000);
    if (statut == ActionStatus.ABANDONNEE && motifAbandon == null) {
      throw QpException.invalid("Le motif d'abandon est obligatoire pour une action ABANDONNEE.");
    }
    if (statut != ActionStatus.ABANDONNEE) {
      motifAbandon = null;
    }
    porteur = Texts.optional(porteur, "Porteur", 300);
    partenaires = Texts.list(partenaires, "Partenaire");
    dispositifs = Texts.list(dispositifs, "Dispositif");
    qpv = Texts.list(qpv, "QPV").stream().map(String::toUpperCase).sorted().toList();
    if (dateDebut != null && dateFin != null && dateFin.isBefore(dateDebut)) {
      throw QpException.invalid("La date de fin précède la date de début.");
    }
  }

  /** The editable content of an action (everything but identity, territory and version). */
  public record Content(
      String titre,
      String description,
      Axis axe,
      ActionStatus statut,
      String motifAbandon,
      String porteur,
      List<String> partenaires,
      List<String> dispositifs,
      List<String> qpv,
      LocalDate dateDebut,
      LocalDate dateFin) {}

  /** A new action: it starts {@code EN_PROJET} unless the content says otherwise (imports). */
  public static Action create(String territory, Content c, boolean fictif) {
    return new Action(
        null, territory, c.titre(), c.description(), c.axe(),
        c.statut() == null ? ActionStatus.EN_PROJET : c.statut(), c.motifAbandon(), c.porteur(),
        c.partenaires(), c.dispositifs(), c.qpv(), c.dateDebut(), c.dateFin(), fictif, 0);
  }

  /** The action with new content; a status change must be an allowed transition. */
  public Action update(Content c) {
    ActionStatus target = c.statut() == null ? statut : c.statut();
    statut.checkTransitionTo(target, c.motifAbandon());
    return new Action(
        id, territoire, c.titre(), c.description(), c.axe(), target, c.motifAbandon(), c.porteur(),
        c.partenaires(), c.dispositifs(), c.qpv(), c.dateDebut(), c.dateFin(), fictif, version);
  }

  public Content content() {
    return new Content(
        titre, description, axe, statut, motifAbandon, porteur, partenaires, dispositifs, qpv,
        dateDebut, dateFin);
  }

  public Action withIdentity(long newId, long newVersion) {
    return new Action(
        newId, territoire, titre, description, axe, statut, motifAbandon, porteur, partenaires,
        dispositifs, qpv, dateDebut, dateFin, fictif, newVersion);
  }

  /** Same content, ignoring identity and version (used to skip no-op updates). */
  public boolean sameContent(Action other) {
    return content().equals(other.content());
  }
}
