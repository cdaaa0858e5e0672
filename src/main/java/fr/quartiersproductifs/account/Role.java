package fr.quartiersproductifs.account;

import fr.quartiersproductifs.shared.QpException;
import java.util.Arrays;

/** The roles of the platform. */
public enum Role {
  /** The national team: reads and writes everything, keeps the referentials and the accounts. */
  ADMIN_NATIONAL,
  /** A territory's project lead: reads everything, writes only in the attached territories. */
  CHEF_DE_PROJET,
  /** A partner: reads the attached territories, writes nothing. */
  PARTENAIRE;

  public static Role parse(String value) {
    try {
      return Role.valueOf(value == null ? "" : value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw QpException.invalid(
          "Rôle inconnu : " + value + " (attendu : " + Arrays.toString(values()) + ")");
    }
  }
}
