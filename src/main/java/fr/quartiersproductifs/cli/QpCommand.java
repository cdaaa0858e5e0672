package fr.quartiersproductifs.cli;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code qp} command. Subcommands are registered here; features contribute theirs through
 * {@link QpSubcommand} (ServiceLoader), so that this class does not depend on every feature.
 *
 * <p>Exit codes: 0 success, 1 error, 2 usage or invalid input (see {@link ErrorCode}).
 */
@Command(
    name = "qp",
    mixinStandardHelpOptions = true,
    version = "Quartiers productifs 0.1.0",
    description = "Plateforme du programme Quartiers productifs.",
    subcommands = {ServeCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class QpCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Sous-commande attendue.");
  }

  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new QpCommand());
    for (QpSubcommand sub : ServiceLoader.load(QpSubcommand.class)) {
      CommandLine parent = sub.parent() == null ? cl : cl.getSubcommands().get(sub.parent());
      if (parent == null) {
        throw new IllegalStateException("Unknown parent command " + sub.parent());
      }
      if (sub.command() != null) {
        parent.addSubcommand(sub.command());
      }
      sub.namedCommands().forEach(parent::addSubcommand);
    }
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable root = ex;
          while (!(root instanceof QpException) && root.getCause() != null) {
            root = root.getCause();
          }
          if (root instanceof QpException qp) {
            commandLine.getErr().println("Erreur : " + qp.getMessage());
            return qp.code().exitCode();
          }
          commandLine.getErr().println("Erreur inattendue : " + ex);
          ex.printStackTrace(commandLine.getErr());
          return ErrorCode.INTERNAL.exitCode();
        });
    return cl;
  }
}
