package fr.quartiersproductifs.account.security;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.UserAccount;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A local account as a Spring Security user (HTTP Basic). */
final class QpUserDetails implements UserDetails, ActorHolder {
  private final UserAccount account;
  private final String hash;

  QpUserDetails(UserAccount account, String hash) {
    this.account = account;
    this.hash = hash;
  }

  static List<GrantedAuthority> authorities(UserAccount account) {
    return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
  }

  @Override
  public Actor actor() {
    return account.actor();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return authorities(account);
  }

  @Override
  public String getPassword() {
    return hash;
  }

  @Override
  public String getUsername() {
    return account.email();
  }

  @Override
  public boolean isEnabled() {
    return account.active() && hash != null;
  }
}
