package fr.quartiersproductifs.account.security;

import fr.quartiersproductifs.account.UserAccount;
import fr.quartiersproductifs.account.jdbc.UserAccountRepository;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Maps an OpenID Connect login to a local account through one claim ({@code email} by default,
 * {@code qp.oidc.claim}): the identity provider authenticates, the platform decides the role and
 * the territories. A person without an active local account is refused.
 */
@Component
public class OidcAccountMapper extends OidcUserService {
  private final UserAccountRepository repository;
  private final String claim;

  public OidcAccountMapper(
      UserAccountRepository repository, @Value("${qp.oidc.claim:email}") String claim) {
    this.repository = repository;
    this.claim = claim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = super.loadUser(request);
    Object value = user.getClaims().get(claim);
    if (value == null) {
      throw refused("L'identité reçue ne contient pas la donnée « " + claim + " ».");
    }
    String email = value.toString().trim().toLowerCase(Locale.ROOT);
    UserAccount account =
        repository
            .findByEmail(email)
            .map(UserAccountRepository.Stored::account)
            .filter(UserAccount::active)
            .orElseThrow(() -> refused("Aucun compte actif ne correspond à cette identité."));
    return new QpOidcUser(user, account, claim);
  }

  private static OAuth2AuthenticationException refused(String message) {
    return new OAuth2AuthenticationException(new OAuth2Error("compte_inconnu", message, null), message);
  }
}
