package fr.quartiersproductifs.geocoding.cli;

import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.geocoding.AddressImportService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code qp import adresses FICHIER...}: indexes BAN address files for on-premises geocoding. */
@Command(
    name = "adresses",
    mixinStandardHelpOptions = true,
    description = {
      "Importe des fichiers d'adresses de la Base Adresse Nationale (adresses-XX.csv ou .csv.gz,"
          + " séparateur point-virgule) dans l'index local de géocodage.",
      "Un fichier adresses-XX remplace tout le département XX ; tout autre fichier remplace les"
          + " communes qu'il contient. Le nouvel index est construit à côté puis activé d'un coup."
    })
public final class ImportAdressesCommand implements Callable<Integer> {
  @Mixin SpringLauncher launcher;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FICHIER", description = "Fichiers BAN adresses-XX.csv[.gz].")
  List<Path> files;

  @Override
  public Integer call() {
    try (var ctx = launcher.startWithoutWeb()) {
      AddressImportService service = ctx.getBean(AddressImportService.class);
      var err = spec.commandLine().getErr();
      for (Path file : files) {
        long start = System.nanoTime();
        var outcome = service.importFile(file);
        err.println(outcome.summary() + String.format(" (%.1f s)", (System.nanoTime() - start) / 1e9));
        outcome.report().issues().stream()
            .filter(i -> i.severity() == ImportIssue.Severity.REJETEE)
            .limit(20)
            .forEach(i -> err.println("  ligne " + i.lineNumber() + " : " + i.reason()));
      }
      return 0;
    }
  }
}
