package fr.quartiersproductifs.account;

import java.util.Set;

/** A local account (the password hash never leaves the account package). */
public record UserAccount(long id, String email, Role role, Set<String> territories, boolean active) {
  public Actor actor() {
    return new Actor(email, role, territories);
  }
}
