package fr.quartiersproductifs.account.cli;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.Role;
import fr.quartiersproductifs.account.UserAccount;
import fr.quartiersproductifs.account.UserAccountService;
import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.cli.QpSubcommand;
import fr.quartiersproductifs.shared.QpException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qp utilisateur creer ...}: local accounts. */
@Command(
    name = "utilisateur",
    mixinStandardHelpOptions = true,
    description = "Gère les comptes locaux (rôles ADMIN_NATIONAL, CHEF_DE_PROJET, PARTENAIRE).",
    subcommands = {UtilisateurCommand.Creer.class})
public final class UtilisateurCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Sous-commande attendue : creer.");
  }

  /** Registration through ServiceLoader. */
  public static final class Registration implements QpSubcommand {
    @Override
    public Object command() {
      return new UtilisateurCommand();
    }
  }

  @Command(
      name = "creer",
      mixinStandardHelpOptions = true,
      description = {
        "Crée un compte local.",
        "Le mot de passe (12 caractères au moins) se donne par --mot-de-passe, ou, pour qu'il ne reste pas",
        "dans l'historique du shell, par --mot-de-passe-stdin (première ligne de l'entrée standard) ou par",
        "la variable d'environnement QP_MOT_DE_PASSE. --sans-mot-de-passe crée un compte qui ne se connecte",
        "que par OpenID Connect."
      })
  public static final class Creer implements Callable<Integer> {
    @Mixin SpringLauncher launcher;

    @Option(names = "--email", required = true, paramLabel = "ADRESSE", description = "Adresse électronique (identifiant).")
    String email;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "ADMIN_NATIONAL, CHEF_DE_PROJET ou PARTENAIRE.")
    String role;

    @Option(names = "--territoire", paramLabel = "ID", description = "Territoire de rattachement (répétable), ex. AMP.")
    List<String> territories = new ArrayList<>();

    @Option(names = "--mot-de-passe", paramLabel = "MOT_DE_PASSE", description = "Mot de passe (visible dans l'historique : préférez --mot-de-passe-stdin).")
    String password;

    @Option(names = "--mot-de-passe-stdin", description = "Lit le mot de passe sur l'entrée standard.")
    boolean passwordFromStdin;

    @Option(names = "--sans-mot-de-passe", description = "Compte sans mot de passe local (connexion OpenID Connect seulement).")
    boolean noPassword;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Role parsedRole = Role.parse(role);
      String secret = password();
      try (var ctx = launcher.startWithoutWeb()) {
        UserAccount u =
            ctx.getBean(UserAccountService.class)
                .create(Actor.system("cli"), email, parsedRole, new LinkedHashSet<>(territories), secret);
        spec.commandLine().getErr().println(
            "Compte créé : " + u.email() + " (" + u.role() + (u.territories().isEmpty() ? "" : ", " + u.territories()) + ")");
      }
      return 0;
    }

    private String password() throws IOException {
      int given = (password != null ? 1 : 0) + (passwordFromStdin ? 1 : 0) + (noPassword ? 1 : 0);
      if (given > 1) {
        throw QpException.invalid("Donnez le mot de passe d'une seule façon.");
      }
      if (noPassword) {
        return null;
      }
      if (password != null) {
        return password;
      }
      if (passwordFromStdin) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw QpException.invalid("Aucun mot de passe lu sur l'entrée standard.");
        }
        return line;
      }
      String env = System.getenv("QP_MOT_DE_PASSE");
      if (env != null && !env.isEmpty()) {
        return env;
      }
      throw QpException.invalid(
          "Mot de passe manquant : --mot-de-passe, --mot-de-passe-stdin, QP_MOT_DE_PASSE ou --sans-mot-de-passe.");
    }
  }
}
