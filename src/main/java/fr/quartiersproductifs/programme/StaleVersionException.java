package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;

/** A write based on a stale version: 409 with the current state of the entity. */
public class StaleVersionException extends QpException {
  private static final long serialVersionUID = 1L;
  private final transient Object current;

  public StaleVersionException(String what, long given, Object current, long currentVersion) {
    super(
        ErrorCode.CONFLICT,
        what + " a été modifié(e) entre-temps (version envoyée " + given + ", version actuelle "
            + currentVersion + ") : rechargez l'état courant et refaites la modification.");
    this.current = current;
  }

  public Object current() {
    return current;
  }
}
