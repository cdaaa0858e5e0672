package fr.quartiersproductifs.account;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.Set;

/**
 * Who performs an operation, with the access rules of the programme. Anonymous callers are {@code
 * null} actors at the web edge and never reach a write.
 *
 * @param name the author recorded in the audit trail (an e-mail, or {@code systeme:xxx})
 * @param territories territories the account is attached to (empty for the national admin)
 */
public record Actor(String name, Role role, Set<String> territories) {
  public Actor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("actor name required");
    }
    if (role == null) {
      throw new IllegalArgumentException("actor role required");
    }
    territories = territories == null ? Set.of() : Set.copyOf(territories);
  }

  /** A platform process acting with national rights (demo loader, CLI administration). */
  public static Actor system(String what) {
    return new Actor("systeme:" + what, Role.ADMIN_NATIONAL, Set.of());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN_NATIONAL;
  }

  public boolean canRead(String territoryId) {
    return switch (role) {
      case ADMIN_NATIONAL, CHEF_DE_PROJET -> true;
      case PARTENAIRE -> territories.contains(territoryId);
    };
  }

  /** Reads across territories (national consolidation, audit of any entity). */
  public boolean readsEverything() {
    return role != Role.PARTENAIRE;
  }

  public boolean canWrite(String territoryId) {
    return switch (role) {
      case ADMIN_NATIONAL -> true;
      case CHEF_DE_PROJET -> territories.contains(territoryId);
      case PARTENAIRE -> false;
    };
  }

  public void requireRead(String territoryId) {
    if (!canRead(territoryId)) {
      throw new QpException(
          ErrorCode.FORBIDDEN, "Accès refusé : le territoire " + territoryId + " ne vous est pas ouvert.");
    }
  }

  public void requireWrite(String territoryId) {
    if (!canWrite(territoryId)) {
      throw new QpException(
          ErrorCode.FORBIDDEN,
          "Accès refusé : vous ne pouvez pas modifier les données du territoire " + territoryId + ".");
    }
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw new QpException(
          ErrorCode.FORBIDDEN, "Accès refusé : opération réservée à l'équipe nationale.");
    }
  }
}
