package fr.quartiersproductifs.geography.cli;

import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.geography.batch.BatchReceipt;
import fr.quartiersproductifs.geography.batch.LocationBatch;
import fr.quartiersproductifs.geography.batch.LocationBatchService;
import fr.quartiersproductifs.shared.QpException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) {
      throw QpException.invalid("Fichier d'entrée introuvable : " + input);
    }
    try (var context = launcher.startFoundation(List.of())) {
      LocationBatchService service = context.getBean(LocationBatchService.class);
      String id = LocationBatchService.newId();
      BatchReceipt receipt;
      Path target = output.equals("-") ? null : Path.of(output);
      // Written beside the target then renamed: a failed run never leaves a half-written output.
      // (Files.newOutputStream honours the umask; a temp file would be private to its owner.)
      Path temp = target == null ? null : target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partiel");
      try (InputStream in = input.equals("-") ? System.in : new BufferedInputStream(Files.newInputStream(Path.of(input)), 1 << 16);
          OutputStream out = new BufferedOutputStream(temp == null ? System.out : Files.newOutputStream(temp), 1 << 16)) {
        receipt = service.run(id, in, out, input.equals("-") ? "entrée standard" : Path.of(input).getFileName().toString(), options);
      } catch (IOException | RuntimeException e) {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
        throw e;
      }
      if (temp != null) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.err.println(receipt.summary());
      return 0;
    }
  }
}
