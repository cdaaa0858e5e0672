package fr.quartiersproductifs.geography.cli;

import fr.quartiersproductifs.cli.BatchFiles;
import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.geography.batch.BatchReceipt;
import fr.quartiersproductifs.geography.batch.LocationBatch;
import fr.quartiersproductifs.geography.batch.LocationBatchService;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qp localiser}: QPV status of every row of a CSV file of coordinates. */
@Command(
    name = "localiser",
    mixinStandardHelpOptions = true,
    description = {
      "Indique pour chaque ligne d'un fichier CSV si le point est dans un QPV à la date donnée.",
      "Le fichier de sortie reprend toutes les lignes, dans le même ordre, avec les colonnes"
          + " qpv_statut, qpv_code, qpv_nom, qpv_generation, qpv_distance_limite_m, qpv_territoire, qpv_message."
    })
public final class LocaliserCommand implements Callable<Integer> {
  @Mixin SpringLauncher launcher;

  @Option(names = "--entree", required = true, paramLabel = "FICHIER", description = "Fichier CSV d'entrée (- pour l'entrée standard).")
  String input;

  @Option(names = "--sortie", required = true, paramLabel = "FICHIER", description = "Fichier CSV de sortie (- pour la sortie standard).")
  String output;

  @Option(names = "--lon", paramLabel = "COLONNE", description = "Colonne de longitude (WGS84).")
  String lon;

  @Option(names = "--lat", paramLabel = "COLONNE", description = "Colonne de latitude (WGS84).")
  String lat;

  @Option(names = "--x", paramLabel = "COLONNE", description = "Colonne X en coordonnées projetées.")
  String x;

  @Option(names = "--y", paramLabel = "COLONNE", description = "Colonne Y en coordonnées projetées.")
  String y;

  @Option(names = "--epsg", paramLabel = "CODE", description = "Système des colonnes X/Y : 2154, 2975, 5490, 2972 ou 4471.")
  Integer epsg;

  @Option(names = "--date", paramLabel = "AAAA-MM-JJ", description = "Date de la réponse (défaut : aujourd'hui).")
  LocalDate date;

  @Option(names = "--colonne-date", paramLabel = "COLONNE", description = "Colonne donnant une date par ligne (prioritaire sur --date).")
  String dateColumn;

  @Override
  public Integer call() throws IOException {
    LocationBatch.Options options = new LocationBatch.Options(lon, lat, x, y, epsg, date, dateColumn);
    BatchFiles.requireInput(input);
    try (var context = launcher.startFoundation(List.of())) {
      LocationBatchService service = context.getBean(LocationBatchService.class);
      String id = LocationBatchService.newId();
      BatchReceipt receipt =
          BatchFiles.transform(
              input, output, (in, out) -> service.run(id, in, out, BatchFiles.inputName(input), options));
      System.err.println(receipt.summary());
      return 0;
    }
  }
}
