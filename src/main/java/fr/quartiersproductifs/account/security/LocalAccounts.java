package fr.quartiersproductifs.account.security;

import fr.quartiersproductifs.account.jdbc.UserAccountRepository;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads local accounts for HTTP Basic authentication. */
@Component
public class LocalAccounts implements UserDetailsService {
  private final UserAccountRepository repository;

  public LocalAccounts(UserAccountRepository repository) {
    this.repository = repository;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String email = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return repository
        .findByEmail(email)
        .map(s -> new QpUserDetails(s.account(), s.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
  }
}
