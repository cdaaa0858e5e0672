package fr.quartiersproductifs.geocoding.batch;

import fr.quartiersproductifs.csv.CsvBatchIo;
import fr.quartiersproductifs.csv.CsvDialect;
import fr.quartiersproductifs.csv.CsvDialectDetector;
import fr.quartiersproductifs.csv.CsvRecordReader;
import fr.quartiersproductifs.geocoding.AddressText;
import fr.quartiersproductifs.geocoding.GeocodeResult;
import fr.quartiersproductifs.geocoding.Geocoder;
import fr.quartiersproductifs.geocoding.QpvLocator;
import fr.quartiersproductifs.geocoding.QpvOfAddress;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.geography.QpvColumns;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Geocodes a CSV of addresses as a stream: every input row gives exactly one output row, in the
 * same order, in the same dialect (encoding, separator, line ending, BOM), with the geocoding
 * columns (and the QPV columns) appended. Reading and writing go through the shared lenient CSV
 * machinery ({@link CsvBatchIo}): a line with broken quotes is one row, in error. Rows are processed in chunks of {@link #CHUNK} on a few threads,
 * so memory stays bounded whatever the file size. No address is ever logged.
 */
public final class AddressBatch {
  static final int CHUNK = 2_000;
  static final int CACHE_MAX = 50_000;

  public static final List<String> RESULT_HEADERS =
      List.of(
          "latitude",
          "longitude",
          "result_label",
          "result_score",
          "result_type",
          "result_id",
          "result_housenumber",
          "result_name",
          "result_street",
          "result_postcode",
          "result_city",
          "result_citycode",
          "result_status",
          "result_message");

  public static final String OK = "ok";
  public static final String NOT_FOUND = "not-found";
  public static final String SKIPPED = "skipped";
  public static final String ERROR = "error";

  /**
   * What to do.
   *
   * @param columns columns whose values, joined by spaces, form the address (empty: every column,
   *     as the national API does)
   * @param citycodeColumn column holding a commune code filter, or null
   * @param postcodeColumn column holding a postcode filter, or null
   * @param qpv whether to append the QPV columns
   * @param date date of the QPV answer (null: today)
   * @param scoreMin minimum score of a house number for the QPV answer
   */
  public record Options(
      List<String> columns, String citycodeColumn, String postcodeColumn, boolean qpv, LocalDate date, double scoreMin) {
    public Options {
      columns = columns == null ? List.of() : List.copyOf(columns);
    }
  }

  /** Counts of a run (no addresses). */
  public record Summary(long rows, long ok, long notFound, long skipped, long errors, Map<QpvStatus, Long> qpv) {}

  private final Geocoder geocoder;
  private final QpvLocator locator;
  private final int threads;

  public AddressBatch(Geocoder geocoder, QpvLocator locator, int threads) {
    this.geocoder = geocoder;
    this.locator = locator;
    this.threads = Math.max(1, threads);
  }

  private record Row(String[] fields, long line, boolean malformed, boolean blank) {}

  private record Outcome(GeocodeResult result, String status, String message, Localisation qpv) {}

  public Summary run(InputStream input, OutputStream output, Options options) throws IOException {
    if (options.qpv() && locator == null) {
      throw new QpException(
          ErrorCode.MISSING_REFERENCE_DATA, "La localisation QPV n'est pas disponible (référentiel QPV absent).");
    }
    LocalDate date = options.date() != null ? options.date() : LocalDate.now(QpvLocationService.PARIS);
    List<String> appended = new ArrayList<>(RESULT_HEADERS);
    if (options.qpv()) {
      appended.addAll(QpvColumns.HEADERS);
    }
    long[] counts = new long[4];
    Map<QpvStatus, Long> qpvCounts = new EnumMap<>(QpvStatus.class);
    ForkJoinPool pool = new ForkJoinPool(threads);
    Map<String, GeocodeResult> cache = new ConcurrentHashMap<>();
    try (CsvBatchIo io = new CsvBatchIo(input, output, appended)) {
      Columns cols = columns(io.header(), options);
      io.writeHeader();
      List<Row> chunk = new ArrayList<>(CHUNK);
      while (true) {
        chunk.clear();
        CsvRecordReader.Record r;
        while (chunk.size() < CHUNK && (r = io.next()) != null) {
          chunk.add(new Row(r.fields().toArray(String[]::new), r.lineNumber(), r.malformed(), r.blank()));
        }
        if (chunk.isEmpty()) {
          break;
        }
        Outcome[] outcomes = new Outcome[chunk.size()];
        List<Row> rows = chunk;
        try {
          pool.submit(
                  () ->
                      IntStream.range(0, rows.size())
                          .parallel()
                          .forEach(i -> outcomes[i] = process(rows.get(i), cols, options, date, cache)))
              .get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new QpException(ErrorCode.INTERNAL, "Traitement interrompu.", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof QpException q) {
            throw q;
          }
          throw new QpException(ErrorCode.INTERNAL, "Erreur pendant le géocodage du lot.", e.getCause());
        }
        for (int i = 0; i < rows.size(); i++) {
          Outcome o = outcomes[i];
          List<String> values = new ArrayList<>(appended.size());
          values.addAll(resultValues(o));
          if (options.qpv()) {
            values.addAll(QpvColumns.values(o.qpv()));
            qpvCounts.merge(o.qpv().statut(), 1L, Long::sum);
          }
          io.write(Arrays.asList(rows.get(i).fields()), values);
          switch (o.status()) {
            case OK -> counts[0]++;
            case NOT_FOUND -> counts[1]++;
            case SKIPPED -> counts[2]++;
            default -> counts[3]++;
          }
        }
      }
    } finally {
      pool.shutdown();
    }
    long total = counts[0] + counts[1] + counts[2] + counts[3];
    return new Summary(total, counts[0], counts[1], counts[2], counts[3], qpvCounts);
  }

  private record Columns(int[] address, int citycode, int postcode) {}

  private static Columns columns(List<String> header, Options options) {
    int[] address;
    if (options.columns().isEmpty()) {
      address = IntStream.range(0, header.size()).toArray();
    } else {
      address = new int[options.columns().size()];
      for (int i = 0; i < address.length; i++) {
        address[i] = CsvBatchIo.column(header, options.columns().get(i), "colonne d'adresse");
      }
    }
    int city =
        options.citycodeColumn() == null ? -1 : CsvBatchIo.column(header, options.citycodeColumn(), "citycode");
    int post =
        options.postcodeColumn() == null ? -1 : CsvBatchIo.column(header, options.postcodeColumn(), "postcode");
    return new Columns(address, city, post);
  }

  /**
   * Checks, from the first bytes of a file, that it has a header with the columns named in the
   * options (so that an HTTP client gets a 400 before the answer starts streaming).
   *
   * @return the file's dialect
   */
  public static CsvDialect checkHeader(byte[] head, Options options) throws IOException {
    if (head.length == 0) {
      throw QpException.invalid("Le fichier CSV est vide.");
    }
    CsvDialect dialect = CsvDialectDetector.detect(head, head.length);
    columns(CsvBatchIo.header(head, dialect), options);
    return dialect;
  }

  private Outcome process(Row row, Columns cols, Options options, LocalDate date, Map<String, GeocodeResult> cache) {
    String[] f = row.fields();
    int cityCol = cols.citycode();
    int postCol = cols.postcode();
    if (row.blank()) {
      return qpv(new Outcome(null, SKIPPED, "ligne vide", null), options, date);
    }
    if (row.malformed()) {
      return qpv(new Outcome(null, ERROR, "ligne mal formée (guillemets non fermés)", null), options, date);
    }
    StringBuilder q = new StringBuilder();
    for (int c : cols.address()) {
      if (c < f.length && !f[c].isBlank()) {
        if (q.length() > 0) {
          q.append(' ');
        }
        q.append(f[c].trim());
      }
    }
    String citycode = cityCol >= 0 && cityCol < f.length ? blankToNull(f[cityCol]) : null;
    String postcode = postCol >= 0 && postCol < f.length ? blankToNull(f[postCol]) : null;
    Outcome o;
    if (q.length() == 0) {
      o = new Outcome(null, SKIPPED, "adresse vide", null);
    } else if (q.length() > 200) {
      o = new Outcome(null, ERROR, "adresse trop longue (plus de 200 caractères)", null);
    } else if (citycode != null && !citycode.matches("[0-9][0-9AB][0-9]{3}")) {
      o = new Outcome(null, ERROR, "code commune illisible", null);
    } else if (postcode != null && !postcode.matches("[0-9]{5}")) {
      o = new Outcome(null, ERROR, "code postal illisible", null);
    } else if (AddressText.tokens(q.toString()).stream().noneMatch(t -> !AddressText.isNumber(t))) {
      o = new Outcome(null, ERROR, "adresse illisible (aucun mot)", null);
    } else {
      String key = AddressText.fold(q.toString()) + "|" + citycode + "|" + postcode;
      GeocodeResult r = cache.get(key);
      if (r == null && !cache.containsKey(key)) {
        try {
          r = geocoder.geocodeOne(q.toString(), postcode, citycode);
        } catch (QpException e) {
          throw e;
        } catch (RuntimeException e) {
          return qpv(new Outcome(null, ERROR, "erreur de géocodage", null), options, date);
        }
        if (cache.size() >= CACHE_MAX) {
          cache.clear();
        }
        if (r != null) {
          cache.put(key, r);
        }
      }
      o = r == null ? new Outcome(null, NOT_FOUND, "adresse non trouvée", null) : new Outcome(r, OK, "", null);
    }
    return qpv(o, options, date);
  }

  private Outcome qpv(Outcome o, Options options, LocalDate date) {
    if (!options.qpv()) {
      return o;
    }
    Localisation l =
        switch (o.status()) {
          case OK, NOT_FOUND -> QpvOfAddress.of(o.result(), options.scoreMin(), date, locator);
          case SKIPPED -> Localisation.undetermined("adresse vide", date, null, null);
          default -> Localisation.error(o.message(), date);
        };
    return new Outcome(o.result(), o.status(), o.message(), l);
  }

  private static List<String> resultValues(Outcome o) {
    GeocodeResult r = o.result();
    if (r == null) {
      String[] v = new String[RESULT_HEADERS.size()];
      Arrays.fill(v, "");
      v[v.length - 2] = o.status();
      v[v.length - 1] = o.message();
      return Arrays.asList(v);
    }
    return Arrays.asList(
        String.format(Locale.ROOT, "%.6f", r.lat()),
        String.format(Locale.ROOT, "%.6f", r.lon()),
        r.label(),
        String.format(Locale.ROOT, "%.4f", r.score()),
        r.type(),
        nz(r.id()),
        nz(r.housenumber()),
        nz(r.name()),
        nz(r.street()),
        nz(r.postcode()),
        nz(r.city()),
        nz(r.citycode()),
        o.status(),
        o.message());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
