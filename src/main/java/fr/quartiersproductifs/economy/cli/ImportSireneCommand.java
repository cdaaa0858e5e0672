package fr.quartiersproductifs.economy.cli;

import fr.quartiersproductifs.cli.QpSubcommand;
import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.economy.SireneImportService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qp import sirene --stock StockEtablissement.csv --geo GeolocalisationEtablissement.csv}. */
@Command(
    name = "sirene",
    mixinStandardHelpOptions = true,
    description = {
      "Importe le stock des établissements SIRENE et son fichier de géolocalisation (formats"
          + " officiels de l'INSEE, .csv, .gz ou .zip), localise chaque établissement par rapport aux"
          + " QPV et calcule les agrégats nationaux.",
      "Les lignes illisibles sont signalées avec leur numéro de ligne et la raison."
    })
public final class ImportSireneCommand implements Callable<Integer> {
  @Mixin SpringLauncher launcher;

  @Option(names = "--stock", required = true, paramLabel = "FICHIER", description = "StockEtablissement (virgule, UTF-8).")
  Path stock;

  @Option(names = "--geo", required = true, paramLabel = "FICHIER", description = "GeolocalisationEtablissement (point-virgule).")
  Path geo;

  @Option(names = "--date-stock", paramLabel = "AAAA-MM-JJ", description = "Date du stock (défaut : aujourd'hui) : liste des QPV appliquée et historique.")
  LocalDate stockDate;

  @Option(names = "--etablissements", paramLabel = "MODE", defaultValue = "pilotes",
      description = "Établissements conservés individuellement : pilotes (territoires pilotes, défaut), tous, aucun.")
  String keep;

  @Override
  public Integer call() {
    SireneImportService.KeepMode mode = SireneImportService.KeepMode.parse(keep);
    try (var ctx = launcher.startWithoutWeb()) {
      var outcome = ctx.getBean(SireneImportService.class).importFiles(stock, geo, stockDate, mode);
      if (outcome.unchanged()) {
        System.err.println("Fichiers déjà importés (" + outcome.version().reference() + ") : rien n'a changé.");
        return 0;
      }
      var r = outcome.result();
      System.err.printf(Locale.ROOT,
          "Import %s : %d établissements lus (%d actifs), %d conservés individuellement, %d lignes de géolocalisation,"
              + " %d désaccords avec plg_qp24 de l'INSEE, %.1f s.%n",
          outcome.version().reference(), r.establishments(), r.activeEstablishments(), r.kept(),
          r.geoEntries(), r.disagreementCount(), outcome.seconds());
      long id = outcome.version().id();
      String stored = storedList(outcome.storedReport().allIssuesDetailed(), id);
      report("StockEtablissement", outcome.stockReport(), stored);
      report("GeolocalisationEtablissement", outcome.geoReport(), stored);
      return 0;
    }
  }

  /**
   * Where the full list is, and whether it is whole: the version keeps the first {@link
   * ImportReport#MAX_DETAILED_ISSUES} issues of both files together, the stock's first ({@link
   * SireneImportService#storedReport}).
   */
  static String storedList(boolean whole, long versionId) {
    String kept = String.format(Locale.ROOT, "%,d", ImportReport.MAX_DETAILED_ISSUES).replace(',', ' ');
    return "  … (" + (whole ? "liste complète" : "les " + kept + " premières lignes signalées des deux fichiers, stock d'abord")
        + " : GET /api/v1/jeux-de-donnees/" + versionId + ")";
  }

  private static void report(String file, ImportReport report, String stored) {
    System.err.printf(Locale.ROOT, "%s : %d lignes lues, %d rejetées, %d réparées, %d avertissements.%n", file,
        report.rowsRead(), report.rejected(), report.repaired(), report.warnings());
    int shown = 0;
    for (ImportIssue i : report.issues()) {
      if (shown++ == 20) {
        System.err.println(stored);
        break;
      }
      System.err.println("  ligne " + i.lineNumber() + (i.identifier() == null ? "" : " (" + i.identifier() + ")")
          + " : " + i.severity() + " — " + i.reason());
    }
  }

  /** Registration under {@code qp import}. */
  public static final class Registration implements QpSubcommand {
    @Override
    public String parent() {
      return "import";
    }

    @Override
    public Object command() {
      return new ImportSireneCommand();
    }
  }
}
