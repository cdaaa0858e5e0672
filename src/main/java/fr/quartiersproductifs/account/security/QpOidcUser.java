package fr.quartiersproductifs.account.security;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.UserAccount;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user logged in through OpenID Connect, mapped to a local account. */
final class QpOidcUser extends DefaultOidcUser implements ActorHolder {
  private static final long serialVersionUID = 1L;
  private final Actor actor;

  QpOidcUser(OidcUser user, UserAccount account, String nameClaim) {
    super(QpUserDetails.authorities(account), user.getIdToken(), user.getUserInfo(), nameClaim);
    this.actor = account.actor();
  }

  @Override
  public Actor actor() {
    return actor;
  }
}
