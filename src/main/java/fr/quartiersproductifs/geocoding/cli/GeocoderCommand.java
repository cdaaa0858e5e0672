package fr.quartiersproductifs.geocoding.cli;

import fr.quartiersproductifs.cli.BatchFiles;
import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.geocoding.GeocodingService;
import fr.quartiersproductifs.geocoding.batch.AddressBatch;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qp geocoder}: geocodes a CSV of addresses on premises, optionally with the QPV answer. */
@Command(
    name = "geocoder",
    mixinStandardHelpOptions = true,
    description = {
      "Géocode un fichier CSV d'adresses avec l'index local (rien ne sort de la machine) et ajoute"
          + " les colonnes latitude, longitude, result_* et, avec --qpv, les colonnes qpv_*.",
      "Autant de lignes en sortie qu'en entrée, dans le même ordre, même séparateur et même encodage."
    })
public final class GeocoderCommand implements Callable<Integer> {
  @Mixin SpringLauncher launcher;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--entree", required = true, paramLabel = "ENTREE.csv", description = "Fichier CSV à géocoder (- : entrée standard).")
  String input;

  @Option(names = "--sortie", required = true, paramLabel = "SORTIE.csv", description = "Fichier CSV produit (- : sortie standard).")
  String output;

  @Option(
      names = "--colonne",
      required = true,
      paramLabel = "COLONNE",
      description = "Colonne formant l'adresse ; répétez l'option pour en joindre plusieurs (adresse, code postal, ville...).")
  List<String> columns;

  @Option(names = "--citycode", paramLabel = "COLONNE", description = "Colonne du code commune INSEE (filtre).")
  String citycode;

  @Option(names = "--postcode", paramLabel = "COLONNE", description = "Colonne du code postal (filtre).")
  String postcode;

  @Option(names = "--qpv", description = "Ajoute la situation de chaque adresse par rapport aux QPV.")
  boolean qpv;

  @Option(names = "--date", paramLabel = "AAAA-MM-JJ", description = "Date de la situation QPV (défaut : aujourd'hui).")
  String date;

  @Override
  public Integer call() throws IOException {
    LocalDate day = null;
    if (date != null) {
      try {
        day = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw QpException.invalid("Date illisible : " + date + " (format attendu AAAA-MM-JJ).");
      }
    }
    BatchFiles.requireInput(input);
    try (var ctx = launcher.startWithoutWeb()) {
      GeocodingService service = ctx.getBean(GeocodingService.class);
      var options =
          new AddressBatch.Options(columns, citycode, postcode, qpv, day, service.properties().scoreMin());
      long start = System.nanoTime();
      AddressBatch.Summary s = BatchFiles.transform(input, output, (in, out) -> service.batch(in, out, options));
      double secs = (System.nanoTime() - start) / 1e9;
      spec.commandLine()
          .getErr()
          .printf(
              "%d lignes géocodées en %.1f s (%.0f/s) : %d ok, %d non trouvées, %d vides, %d en erreur%s%n",
              s.rows(), secs, s.rows() / Math.max(secs, 1e-9), s.ok(), s.notFound(), s.skipped(), s.errors(),
              qpv ? " ; QPV : " + s.qpv() : "");
      return 0;
    }
  }

}
