package fr.quartiersproductifs.cli;

import fr.quartiersproductifs.QpApplication;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that needs the platform (database, reference data), and the
 * start of the Spring context behind them. Commands other than {@code serve} start it without a
 * web server.
 */
public final class SpringLauncher {
  /**
   * Settings of every command other than {@code serve}: quiet, no JMX. A start that fails is told
   * once, by the command's error handler, not also by Spring's own log of it.
   */
  private static final List<String> COMMAND_LINE =
      List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.jmx.enabled=false",
          "--logging.level.org.springframework.boot.SpringApplication=OFF",
          "--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");

  @Option(
      names = "--donnees",
      paramLabel = "DOSSIER",
      description = "Dossier des fichiers de référence (défaut : ../shared/data ou QP_DATA_DIR).")
  String dataDir;

  @Option(
      names = "--base",
      paramLabel = "URL_JDBC",
      description = "URL JDBC de la base (défaut : H2 embarquée sous var/, ou SPRING_DATASOURCE_URL).")
  String databaseUrl;

  /** Starts the application context; the caller closes it. */
  public ConfigurableApplicationContext start(boolean web, List<String> extraArgs) {
    return start(QpApplication.class, web, extraArgs);
  }

  /**
   * Starts only the foundation (database, reference data, locator) for the commands that need
   * nothing else; see {@link FoundationContext}.
   */
  public ConfigurableApplicationContext startFoundation(List<String> extraArgs) {
    List<String> args = new ArrayList<>(COMMAND_LINE);
    args.addAll(extraArgs);
    return start(FoundationContext.class, false, args);
  }

  private ConfigurableApplicationContext start(Class<?> source, boolean web, List<String> extraArgs) {
    List<String> args = new ArrayList<>(extraArgs);
    if (dataDir != null) {
      args.add("--qp.data-dir=" + dataDir);
    }
    if (databaseUrl != null) {
      args.add("--spring.datasource.url=" + databaseUrl);
    }
    try {
      return new SpringApplicationBuilder(source)
          .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
          .logStartupInfo(web)
          .run(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      SQLException sql = sqlCause(e);
      if (sql == null) {
        throw e;
      }
      // The database's own words (refused connection, unknown role, file in use...), without the
      // URL, which may hold a password.
      throw new QpException(ErrorCode.INVALID_INPUT, "base de données inaccessible : " + sql.getMessage()
          + " (vérifiez --base ou SPRING_DATASOURCE_URL, et pour PostgreSQL l'utilisateur et le mot de passe :"
          + " SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)", e);
    }
  }

  /** The first database error among the causes, or null. */
  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  /**
   * Starts the context for a command-line use: no web server, and lazy bean creation, so that a
   * command pays only for the services it asks for (measured: seconds saved on `qp localiser`).
   */
  public ConfigurableApplicationContext startWithoutWeb() {
    List<String> args = new ArrayList<>(COMMAND_LINE);
    args.add("--spring.main.lazy-initialization=true");
    return start(false, args);
  }
}
