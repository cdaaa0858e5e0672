package fr.quartiersproductifs.account.security;

import fr.quartiersproductifs.account.Actor;

/** A Spring Security principal that knows the platform actor behind it. */
public interface ActorHolder {
  Actor actor();
}
