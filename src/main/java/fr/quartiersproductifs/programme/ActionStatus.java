package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Status of an action: {@code EN_PROJET → ENGAGEE → EN_COURS → TERMINEE}, or {@code ABANDONNEE}
 * (with a reason) from any status that is not final. {@code TERMINEE} and {@code ABANDONNEE} are
 * final.
 */
public enum ActionStatus {
  EN_PROJET,
  ENGAGEE,
  EN_COURS,
  TERMINEE,
  ABANDONNEE;

  public static ActionStatus parse(String value) {
    return Enums.parse(ActionStatus.class, value, "Statut");
  }

  /** Statuses reachable in one step from this one. */
  public Set<ActionStatus> next() {
    return switch (this) {
      case EN_PROJET -> EnumSet.of(ENGAGEE, ABANDONNEE);
      case ENGAGEE -> EnumSet.of(EN_COURS, ABANDONNEE);
      case EN_COURS -> EnumSet.of(TERMINEE, ABANDONNEE);
      case TERMINEE, ABANDONNEE -> EnumSet.noneOf(ActionStatus.class);
    };
  }

  public boolean isFinal() {
    return next().isEmpty();
  }

  /** Refuses a transition that is not allowed, with the allowed ones in the message. */
  public void checkTransitionTo(ActionStatus target, String reason) {
    if (target == this) {
      return;
    }
    if (!next().contains(target)) {
      throw new QpException(
          ErrorCode.CONFLICT,
          "Changement de statut impossible : "
              + this
              + " → "
              + target
              + (isFinal() ? " (le statut " + this + " est définitif)." : " (possibles : " + next() + ")."));
    }
    if (target == ABANDONNEE && (reason == null || reason.isBlank())) {
      throw QpException.invalid("Le motif d'abandon est obligatoire pour passer une action à ABANDONNEE.");
    }
  }
}
