package fr.quartiersproductifs.account;

import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.account.jdbc.UserAccountRepository;
import fr.quartiersproductifs.account.security.PasswordHashing;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creation and lookup of local accounts (CLI {@code qp utilisateur creer} and API). */
@Service
public class UserAccountService {
  private final UserAccountRepository repository;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  public UserAccountService(
      UserAccountRepository repository, PasswordEncoder encoder, AuditTrail audit, JdbcClient jdbc) {
    this.repository = repository;
    this.encoder = encoder;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * Creates an account. A chef de projet or a partner needs at least one territory; the national
   * admin has none. The password may be null for an account that only logs in through OpenID
   * Connect.
   */
  @Transactional
  public UserAccount create(
      Actor actor, String rawEmail, Role role, Set<String> territories, String password) {
    actor.requireAdmin();
    String email = Email.normalise(rawEmail);
    Set<String> ids = new TreeSet<>();
    for (String t : territories == null ? Set.<String>of() : territories) {
      ids.add(t.trim().toUpperCase());
    }
    if (role == Role.ADMIN_NATIONAL && !ids.isEmpty()) {
      throw QpException.invalid("Un administrateur national n'est rattaché à aucun territoire.");
    }
    if (role != Role.ADMIN_NATIONAL && ids.isEmpty()) {
      throw QpException.invalid("Précisez au moins un territoire (--territoire) pour le rôle " + role + ".");
    }
    for (String t : ids) {
      Integer n =
          jdbc.sql("select count(*) from programme_territory where id = ?").param(t).query(Integer.class).single();
      if (n == 0) {
        throw QpException.notFound("Territoire inconnu : " + t);
      }
    }
    String hash = null;
    if (password != null) {
      if (password.length() < PasswordHashing.MIN_LENGTH) {
        throw QpException.invalid(
            "Mot de passe trop court : " + PasswordHashing.MIN_LENGTH + " caractères au moins.");
      }
      hash = encoder.encode(password);
    }
    if (repository.findByEmail(email).isPresent()) {
      throw new QpException(ErrorCode.CONFLICT, "Un compte existe déjà pour cette adresse.");
    }
    long id = repository.insert(email, hash, role, ids);
    UserAccount account = new UserAccount(id, email, role, ids, true);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("email", email);
    state.put("role", role);
    state.put("territoires", ids);
    audit.record(actor, "utilisateur", id, null, AuditTrail.CREATION, null, state);
    return account;
  }

  public Optional<UserAccount> find(String email) {
    return repository.findByEmail(email).map(UserAccountRepository.Stored::account);
  }

  public List<UserAccount> all(Actor actor) {
    actor.requireAdmin();
    return repository.all();
  }
}
