package fr.quartiersproductifs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code qp import ...}: the import subcommands are contributed by the feature packages. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Importe des données (référentiels, adresses, SIRENE...).")
public final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Précisez ce qu'il faut importer.");
  }
}
