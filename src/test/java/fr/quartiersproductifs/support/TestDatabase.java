package fr.quartiersproductifs.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points each Spring test context at a fresh, empty database: an in-memory H2 database by default,
 * or a new schema of the PostgreSQL server when the system property {@code
 * qp.test.database=postgresql} is set (the second Surefire execution does so for tests tagged
 * {@code db}). The PostgreSQL schema is dropped when the JVM exits.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static boolean onPostgresql() {
    return "postgresql".equals(System.getProperty("qp.test.database"));
  }

  /**
   * A fresh, empty database on the engine of this test run, as {url, user}: for tests that start
   * the application themselves (the command line).
   */
  public static String[] freshDatabase() {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (onPostgresql()) {
      String url = System.getProperty("qp.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
      String user = System.getProperty("qp.test.postgres.user", "postgres");
      String schema = "qp_test_" + id;
      execute(url, user, "create schema " + schema);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> execute(url, user, "drop schema if exists " + schema + " cascade")));
      return new String[] {url + "?currentSchema=" + schema + "&user=" + user, user};
    }
    return new String[] {
      "jdbc:h2:mem:qp_" + id + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa"
    };
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Path varDir;
    try {
      varDir = Files.createTempDirectory("qp-test-var-");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    TestPropertyValues values =
        TestPropertyValues.of(
            "qp.data-dir=" + SharedData.dir(),
            "qp.var-dir=" + varDir,
            "qp.auto-import-samples=false",
            "spring.main.banner-mode=off");
    String[] database = freshDatabase();
    values = values.and(
        "spring.datasource.url=" + database[0],
        "spring.datasource.username=" + database[1],
        "spring.datasource.password=");
    values.applyTo(context);
  }

  private static void execute(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL injoignable ("
              + url
              + ") : les tests de base de données tournent aussi sur PostgreSQL ; lancez .ci/run"
              + " qui le démarre, ou démarrez-le vous-même.",
          e);
    }
  }
}
