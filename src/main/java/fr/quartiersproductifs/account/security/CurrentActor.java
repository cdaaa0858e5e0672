package fr.quartiersproductifs.account.security;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current HTTP request. */
public final class CurrentActor {
  private CurrentActor() {}

  public static Optional<Actor> optional() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ActorHolder holder) {
      return Optional.of(holder.actor());
    }
    return Optional.empty();
  }

  /** The authenticated actor, or 401. */
  public static Actor get() {
    return optional()
        .orElseThrow(() -> new QpException(ErrorCode.UNAUTHENTICATED, "Authentification requise."));
  }
}
