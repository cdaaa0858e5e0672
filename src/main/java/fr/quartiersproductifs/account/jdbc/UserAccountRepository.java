package fr.quartiersproductifs.account.jdbc;

import fr.quartiersproductifs.account.Role;
import fr.quartiersproductifs.account.UserAccount;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts and their territories. */
@Repository
public class UserAccountRepository {
  private final JdbcClient jdbc;

  public UserAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An account with its password hash, for authentication only. */
  public record Stored(UserAccount account, String passwordHash) {}

  public Optional<Stored> findByEmail(String email) {
    return jdbc.sql("select id, email, role, active, password_hash from app_user where email = ?")
        .param(email)
        .query(
            (rs, n) ->
                new Stored(
                    new UserAccount(
                        rs.getLong("id"),
                        rs.getString("email"),
                        Role.valueOf(rs.getString("role")),
                        territories(rs.getLong("id")),
                        rs.getBoolean("active")),
                    rs.getString("password_hash")))
        .optional();
  }

  private Set<String> territories(long userId) {
    return new LinkedHashSet<>(
        jdbc.sql("select territory_id from app_user_territory where user_id = ? order by territory_id")
            .param(userId)
            .query(String.class)
            .list());
  }

  public List<UserAccount> all() {
    return jdbc.sql("select id, email, role, active from app_user order by email")
        .query(
            (rs, n) ->
                new UserAccount(
                    rs.getLong("id"),
                    rs.getString("email"),
                    Role.valueOf(rs.getString("role")),
                    territories(rs.getLong("id")),
                    rs.getBoolean("active")))
        .list();
  }

  public long insert(String email, String passwordHash, Role role, Set<String> territories) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into app_user (email, password_hash, role, active, created_at, version)"
                + " values (?, ?, ?, true, ?, 1)")
        .params(email, passwordHash, role.name(), OffsetDateTime.now(ZoneOffset.UTC))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (String t : territories) {
      jdbc.sql("insert into app_user_territory (user_id, territory_id) values (?, ?)")
          .params(id, t)
          .update();
    }
    return id;
  }
}
