package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The referential of schemes, kept by the national team. */
@Service
public class SchemeService {
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public SchemeService(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<Scheme> all() {
    return jdbc.sql("select code, label, operator, version from programme_scheme order by code")
        .query((rs, n) -> new Scheme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  @Transactional
  public Scheme create(Actor actor, Scheme s) {
    actor.requireAdmin();
    Integer n = jdbc.sql("select count(*) from programme_scheme where code = ?").param(s.code()).query(Integer.class).single();
    if (n > 0) {
      throw new QpException(ErrorCode.CONFLICT, "Le dispositif " + s.code() + " existe déjà.");
    }
    jdbc.sql("insert into programme_scheme (code, label, operator, version) values (?, ?, ?, 1)")
        .params(s.code(), s.libelle(), s.operateur())
        .update();
    Scheme created = new Scheme(s.code(), s.libelle(), s.operateur(), 1);
    audit.record(actor, "dispositif", s.code(), null, AuditTrail.CREATION, null, created);
    return created;
  }

  /** Refuses codes absent from the referential, naming them. */
  public void requireKnown(Collection<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    Set<String> known = all().stream().map(Scheme::code).collect(Collectors.toSet());
    Set<String> unknown = new TreeSet<>(codes);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw QpException.invalid("Dispositif(s) inconnu(s) du référentiel : " + String.join(", ", unknown) + ".");
    }
  }
}
