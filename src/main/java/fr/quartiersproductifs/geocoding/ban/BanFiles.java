package fr.quartiersproductifs.geocoding.ban;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geocoding.BanAddress;
import fr.quartiersproductifs.shared.QpException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of a BAN {@code adresses-XX.csv} file (semicolon-separated, UTF-8, plain or
 * gzip). A bad row is reported (line and reason) and skipped; a missing column fails fast.
 */
public final class BanFiles {
  private BanFiles() {}

  static final List<String> REQUIRED = List.of("numero", "nom_voie", "code_insee", "lon", "lat");

  /** Opens a file, gunzipping it when its name ends with {@code .gz} or it starts with the gzip magic. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /** Reads every row; valid ones go to the consumer, invalid ones to the report. */
  /** Receives each valid row with its line number. */
  @FunctionalInterface
  public interface RowSink {
    void accept(long line, BanAddress address);
  }

  public static void read(Path file, ImportReport report, RowSink sink) {
    try (InputStream in = open(file);
        CsvReader<CsvRecord> csv =
            CsvReader.builder()
                .fieldSeparator(';')
                .detectBomHeader(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8)) {
      Map<String, Integer> col = null;
      for (CsvRecord r : csv) {
        if (col == null) {
          col = header(r);
          continue;
        }
        if (r.getFieldCount() == 1 && r.getField(0).isEmpty()) {
          continue;
        }
        report.read();
        long line = r.getStartingLineNumber();
        try {
          BanAddress a =
              new BanAddress(
                  get(r, col, "id"),
                  get(r, col, "numero").trim(),
                  get(r, col, "rep").trim(),
                  get(r, col, "nom_voie").trim(),
                  get(r, col, "code_postal").trim(),
                  get(r, col, "code_insee").trim(),
                  get(r, col, "nom_commune").trim(),
                  get(r, col, "code_insee_ancienne_commune").trim(),
                  number(get(r, col, "x"), Double.NaN),
                  number(get(r, col, "y"), Double.NaN),
                  number(get(r, col, "lon"), Double.NaN),
                  number(get(r, col, "lat"), Double.NaN));
          sink.accept(line, a);
        } catch (IllegalArgumentException e) {
          report.reject(line, get(r, col, "id"), e.getMessage());
        }
      }
      if (col == null) {
        throw QpException.invalid("Fichier d'adresses vide : " + file.getFileName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> header(CsvRecord r) {
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < r.getFieldCount(); i++) {
      col.putIfAbsent(r.getField(i).trim().toLowerCase(Locale.ROOT), i);
    }
    for (String c : REQUIRED) {
      if (!col.containsKey(c)) {
        throw QpException.invalid(
            "Colonne « " + c + " » absente : le fichier n'est pas au format BAN adresses-XX.csv"
                + " (séparateur point-virgule).");
      }
    }
    return col;
  }

  private static String get(CsvRecord r, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= r.getFieldCount() ? "" : r.getField(i);
  }

  private static double number(String s, double dflt) {
    String t = s.trim();
    if (t.isEmpty()) {
      return dflt;
    }
    try {
      return Double.parseDouble(t.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("nombre illisible : " + t);
    }
  }
}
