package fr.quartiersproductifs.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.cli.Qp;
import fr.quartiersproductifs.support.SharedData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code qp utilisateur creer}: creates a local account with a strong hash, refuses bad input. */
class UtilisateurCommandTest {

  @Test
  void creates_an_account_with_an_argon2_hash_and_its_territories() throws Exception {
    String url = "jdbc:h2:mem:cli_" + UUID.randomUUID().toString().replace("-", "")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    int exit = Qp.run("utilisateur", "creer", "--email", "Chef.Test@Exemple.fr", "--role", "CHEF_DE_PROJET",
        "--territoire", "AMP", "--territoire", "NANCY", "--mot-de-passe", "un-mot-de-passe-solide",
        "--base", url, "--donnees", SharedData.dir().toString());
    assertThat(exit).isZero();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery(
            "select u.email, u.role, u.password_hash, t.territory_id from app_user u"
                + " join app_user_territory t on t.user_id = u.id order by t.territory_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("email")).isEqualTo("chef.test@exemple.fr");
      assertThat(rs.getString("role")).isEqualTo("CHEF_DE_PROJET");
      assertThat(rs.getString("password_hash")).startsWith("{argon2}$argon2id$").doesNotContain("un-mot-de-passe-solide");
      assertThat(rs.getString("territory_id")).isEqualTo("AMP");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("territory_id")).isEqualTo("NANCY");
    }
  }

  @Test
  void bad_input_exits_with_2_before_touching_anything() {
    assertThat(Qp.run("utilisateur", "creer", "--email", "a@b.fr", "--role", "SUPER_ADMIN", "--mot-de-passe", "x")).isEqualTo(2);
    assertThat(Qp.run("utilisateur", "creer", "--email", "a@b.fr", "--role", "PARTENAIRE")).isEqualTo(2);
  }
}
