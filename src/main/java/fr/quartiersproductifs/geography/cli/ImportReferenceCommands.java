package fr.quartiersproductifs.geography.cli;

import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.geography.GeographyService;
import fr.quartiersproductifs.geography.Generation;
import fr.quartiersproductifs.geography.imports.ImportOutcome;
import fr.quartiersproductifs.geography.imports.ReferenceImporter;
import fr.quartiersproductifs.geography.imports.ReferenceKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qp import <référentiel> FICHIER} and {@code qp import referentiels [DOSSIER]}. */
public final class ImportReferenceCommands {
  private ImportReferenceCommands() {}

  static int report(List<ImportOutcome> outcomes) {
    for (ImportOutcome o : outcomes) {
      System.err.println(o.summary());
      int shown = 0;
      for (ImportIssue issue : o.issues()) {
        if (shown++ == 50) {
          System.err.println("  … " + (o.issues().size() - 50) + " autres signalements (voir GET /api/v1/jeux-de-donnees/" + o.version().id() + ")");
          break;
        }
        System.err.println(
            "  " + issue.severity() + " ligne " + issue.lineNumber() + (issue.identifier() == null ? "" : " [" + issue.identifier() + "]") + " : " + issue.reason());
      }
    }
    return 0;
  }

  /** Imports one reference file of a given kind. */
  @Command(mixinStandardHelpOptions = true)
  public static class One implements Callable<Integer> {
    private final ReferenceKind kind;

    @Mixin SpringLauncher launcher;

    @Parameters(index = "0", paramLabel = "FICHIER", description = "Fichier à importer.")
    Path file;

    @Option(names = "--generation", paramLabel = "ANNEE", description = "QPV : génération 2015 ou 2024 (défaut : déduite des codes QP/QN).")
    Integer generation;

    @Option(names = "--valide-du", paramLabel = "AAAA-MM-JJ", description = "QPV : premier jour en vigueur (défaut : celui de la génération).")
    LocalDate validFrom;

    @Option(names = "--valide-au", paramLabel = "AAAA-MM-JJ", description = "QPV : dernier jour en vigueur (défaut : celui de la génération).")
    LocalDate validTo;

    public One(ReferenceKind kind) {
      this.kind = kind;
    }

    @Override
    public Integer call() {
      try (var context = launcher.startFoundation(List.of("--qp.auto-import=false"))) {
        GeographyService geography = context.getBean(GeographyService.class);
        var options =
            new ReferenceImporter.QpvOptions(
                generation == null ? null : Generation.ofYear(generation), validFrom, validTo);
        return report(List.of(geography.importFile(kind, file, options)));
      }
    }
  }

  /** Imports every reference file of a directory (unchanged files are skipped). */
  @Command(
      name = "referentiels",
      mixinStandardHelpOptions = true,
      description = "Importe tous les fichiers de référence d'un dossier (fichiers inchangés ignorés).")
  public static class All implements Callable<Integer> {
    @Mixin SpringLauncher launcher;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DOSSIER", description = "Dossier (défaut : dossier de données configuré).")
    Path dir;

    @Override
    public Integer call() {
      try (var context = launcher.startFoundation(List.of("--qp.auto-import=false"))) {
        GeographyService geography = context.getBean(GeographyService.class);
        Path target = dir != null ? dir : context.getBean(fr.quartiersproductifs.shared.QpProperties.class).dataDir();
        return report(geography.importDirectory(target, true));
      }
    }
  }
}
