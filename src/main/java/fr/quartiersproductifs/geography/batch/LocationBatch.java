package fr.quartiersproductifs.geography.batch;

import fr.quartiersproductifs.csv.CsvBatchIo;
import fr.quartiersproductifs.csv.CsvRecordReader;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.QpvColumns;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Locates every row of a CSV file and writes it back with the QPV columns appended. Rows in =
 * rows out, in the same order: an unreadable row is written back with {@code qpv_statut = ERREUR}
 * and the reason. Streams: memory stays bounded whatever the file size.
 */
public final class LocationBatch {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  static final int CHUNK = 8192;
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  /** Shared daemon workers: a batch never keeps the JVM alive. */
  private static final java.util.concurrent.ExecutorService WORKERS =
      java.util.concurrent.Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "qp-localisation");
            t.setDaemon(true);
            return t;
          });

  private static void await(java.util.concurrent.Future<?> slice) throws IOException {
    try {
      slice.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Traitement interrompu", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  private LocationBatch() {}

  /**
   * Which columns hold the point, and the date.
   *
   * @param lon longitude column (WGS84), with {@code lat}; or null when {@code x}/{@code y} are used
   * @param x x column in the projected system {@code epsg}, with {@code y}
   * @param epsg EPSG code of x/y (2154, 2975, 5490, 2972, 4471)
   * @param date date of the answer for every row (null = today)
   * @param dateColumn optional column holding a per-row date (ISO or dd/mm/yyyy), overriding {@code date}
   */
  public record Options(
      String lon, String lat, String x, String y, Integer epsg, LocalDate date, String dateColumn) {
    public Options {
      boolean wgs = lon != null || lat != null;
      boolean projected = x != null || y != null;
      if (wgs == projected) {
        throw QpException.invalid(
            "Indiquez soit les colonnes lon et lat (WGS84), soit les colonnes x et y avec epsg.");
      }
      if (wgs && (lon == null || lat == null)) {
        throw QpException.invalid("Les colonnes lon et lat doivent être données ensemble.");
      }
      if (projected && (x == null || y == null || epsg == null)) {
        throw QpException.invalid("Les colonnes x et y doivent être données avec le code epsg.");
      }
      if (projected && !List.of(2154, 2975, 5490, 2972, 4471).contains(epsg)) {
        throw QpException.invalid(
            "EPSG:" + epsg + " non pris en charge : 2154 (Lambert-93), 2975 (La Réunion), 5490 (Antilles), 2972 (Guyane), 4471 (Mayotte).");
      }
    }

    /** Fails with a clear message when a named column is not in the header. */
    public void checkColumns(List<String> header) {
      boolean wgs = lon != null;
      CsvBatchIo.column(header, wgs ? lon : x, wgs ? "lon" : "x");
      CsvBatchIo.column(header, wgs ? lat : y, wgs ? "lat" : "y");
      if (dateColumn != null) {
        CsvBatchIo.column(header, dateColumn, "colonne de date");
      }
    }

    String describe() {
      return lon != null ? "lon=" + lon + ";lat=" + lat : "x=" + x + ";y=" + y + ";epsg=" + epsg;
    }
  }

  /** What a run did. */
  public record Summary(long rows, Map<QpvStatus, Long> counts, String inputSha256, String dialect, String columns) {}

  public static Summary run(
      InputStream input,
      OutputStream output,
      Options options,
      LocalDate defaultDate,
      BiFunction<Coordinates, LocalDate, Localisation> locator)
      throws IOException {
    Map<QpvStatus, Long> counts = new EnumMap<>(QpvStatus.class);
    for (QpvStatus s : QpvStatus.values()) {
      counts.put(s, 0L);
    }
    long rows = 0;
    try (CsvBatchIo io = new CsvBatchIo(input, output, QpvColumns.HEADERS)) {
      boolean wgs = options.lon() != null;
      int cx = io.column(wgs ? options.lon() : options.x(), wgs ? "lon" : "x");
      int cy = io.column(wgs ? options.lat() : options.y(), wgs ? "lat" : "y");
      int cd = options.dateColumn() == null ? -1 : io.column(options.dateColumn(), "colonne de date");
      int epsg = wgs ? Coordinates.WGS84 : options.epsg();
      int width = io.header().size();
      io.writeHeader();
      // Pipeline: while the workers locate chunk k, this thread reads chunk k+1, then writes chunk
      // k in order. The locator is thread-safe. Memory: two chunks, whatever the file size.
      List<CsvRecordReader.Record> pendingChunk = null;
      Localisation[] pendingAnswers = null;
      List<java.util.concurrent.Future<?>> pendingWork = List.of();
      boolean more = true;
      while (more || pendingChunk != null) {
        List<CsvRecordReader.Record> chunk = new ArrayList<>(CHUNK);
        CsvRecordReader.Record r;
        while (more && chunk.size() < CHUNK && (r = io.next()) != null) {
          chunk.add(r);
        }
        more = more && chunk.size() == CHUNK;
        Localisation[] answers = new Localisation[chunk.size()];
        List<java.util.concurrent.Future<?>> work = new ArrayList<>(THREADS);
        int n = chunk.size();
        for (int t = 0; t < THREADS && n > 0; t++) {
          int from = n * t / THREADS;
          int to = n * (t + 1) / THREADS;
          work.add(
              WORKERS.submit(
                  () -> {
                    for (int i = from; i < to; i++) {
                      answers[i] = answer(chunk.get(i), width, cx, cy, cd, epsg, defaultDate, locator);
                    }
                  }));
        }
        if (pendingChunk != null) {
          for (java.util.concurrent.Future<?> slice : pendingWork) {
            await(slice);
          }
          for (int i = 0; i < pendingChunk.size(); i++) {
            counts.merge(pendingAnswers[i].statut(), 1L, Long::sum);
            io.write(pendingChunk.get(i).fields(), QpvColumns.values(pendingAnswers[i]));
          }
          rows += pendingChunk.size();
        }
        pendingChunk = chunk.isEmpty() ? null : chunk;
        pendingAnswers = answers;
        pendingWork = work;
      }
      io.close();
      return new Summary(rows, counts, io.inputSha256(), io.dialect().describe(), options.describe());
    }
  }

  private static Localisation answer(
      CsvRecordReader.Record r,
      int width,
      int cx,
      int cy,
      int cd,
      int epsg,
      LocalDate defaultDate,
      BiFunction<Coordinates, LocalDate, Localisation> locator) {
    LocalDate date = defaultDate;
    if (r.blank()) {
      return Localisation.error("Ligne vide (ligne " + r.lineNumber() + ").", date);
    }
    if (r.malformed()) {
      return Localisation.error(
          "Guillemets non fermés (ligne " + r.lineNumber() + ") : ligne lue champ par champ, non traitée.", date);
    }
    List<String> f = r.fields();
    if (f.size() != width) {
      return Localisation.error(
          "La ligne " + r.lineNumber() + " a " + f.size() + " champs au lieu de " + width + ".", date);
    }
    String rawX = f.get(cx);
    String rawY = f.get(cy);
    if (rawX.isBlank() || rawY.isBlank()) {
      return Localisation.error("Coordonnées manquantes (ligne " + r.lineNumber() + ").", date);
    }
    double x = CsvBatchIo.parseNumber(rawX);
    double y = CsvBatchIo.parseNumber(rawY);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      String bad = Double.isNaN(x) ? rawX : rawY;
      return Localisation.error(
          "Coordonnée non numérique « " + abbreviate(bad) + " » (ligne " + r.lineNumber() + ").", date);
    }
    if (cd >= 0 && !f.get(cd).isBlank()) {
      try {
        date = parseDate(f.get(cd).strip());
      } catch (DateTimeParseException e) {
        return Localisation.error(
            "Date illisible « " + abbreviate(f.get(cd)) + " » (AAAA-MM-JJ ou JJ/MM/AAAA attendu, ligne " + r.lineNumber() + ").",
            date);
      }
    }
    return locator.apply(new Coordinates(x, y, epsg), date);
  }

  static LocalDate parseDate(String s) {
    return s.contains("/") ? LocalDate.parse(s, FRENCH) : LocalDate.parse(s);
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 30 ? t : t.substring(0, 30) + "…";
  }
}
