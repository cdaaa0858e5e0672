package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.dataset.ImportReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The geolocation file's fast path (rows in INSEE's layout read in one pass, ADR 0046) gives what
 * the general path gives, row by row: line, SIRET, point, EPSG, quality, plg_qp24, the WGS84
 * second source, and the same report (rejections with their line and reason). Compared on the real
 * sample and on generated rows that mix INSEE's values with everything the fast path must leave to
 * the general one.
 */
class GeoReaderFastPathTest {
  private static final String HEADER = "siret;x;y;qualite_xy;epsg;plg_qp24;plg_iris;plg_zus;plg_qp15;plg_qva;"
      + "plg_code_commune;distance_precision;qualite_qp24;qualite_iris;qualite_zus;qualite_qp15;qualite_qva;"
      + "y_latitude;x_longitude";

  @Test
  void theRealSampleReadsTheSameThroughBothPathsAndMostlyThroughTheFastOne() throws IOException {
    byte[] file = Files.readAllBytes(ReadersTest.GEO);
    Read fast = readChunked(file, 1 << 16, false);
    Read general = readChunked(file, 1 << 16, true);
    assertThat(fast.rows).hasSize(22_330).isEqualTo(general.rows);
    assertThat(fast.report).isEqualTo(general.report);
    assertThat(general.knownLayoutRows).isZero();
    // All but the rows near each chunk's end (and any row of another shape) take the fast path.
    assertThat(fast.knownLayoutRows).isGreaterThan(22_000);
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> siret = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.longs().between(10_000_000_000_000L, 99_999_999_999_999L).map(String::valueOf)),
        Tuple.of(1, Arbitraries.of("", "3900984240003", "390098424000341", "3900984240003x", " 39009842400034",
            "00000000000000", "99999999999999", "\"39009842400034\"")));
    Arbitrary<String> coordinate = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.doubles().between(-100_000, 8_000_000).ofScale(1).map(String::valueOf)),
        Tuple.of(2, Arbitraries.doubles().between(-1000, 1000).ofScale(6).map(v -> String.format(java.util.Locale.ROOT, "%.6f", v))),
        Tuple.of(2, Arbitraries.of("", "-", ".", "12.", ".5", "-0.0", "+12.5", "1e5", "12,5", "1.2.3", " 12", "12 ",
            "123456789012345678", "12345678901234567", "0.00000000000000001", "abc", "-.5", "12345678.5",
            "1234567.12345678", "1234567.1234567", "-0", "7.", "0.0", "00012.50", "9999999.9999999")));
    Arbitrary<String> quality = Arbitraries.of("11", "12", "21", "22", "33", "", "1", "12345", "x", " 11", "0011");
    Arbitrary<String> epsg = Arbitraries.of("2154", "2154", "2972", "32620", "4326", "0", "", "0000", "-2154",
        "1234567890", "9999999999", "123456789", "2154 ", "99999999999999999999");
    Arbitrary<String> plg = Arbitraries.of("", "HZ", "CSZ", "QN01330M", "QN013300M", "QP034001", " HZ", " ", "   ", "Q\"N",
        "é", "QN 1", "ABCDEFGH", "ABCDEFGHI");
    Arbitrary<String> other = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().withChars("0123456789.").ofMaxLength(10)),
        Tuple.of(1, Arbitraries.of("\"a;b\"", "x\"y", "é", "\"l1\nl2\"")));
    Arbitrary<Integer> extra = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.of(-1, -13, 1, 5)));
    Arbitrary<List<String>> row = net.jqwik.api.Combinators
        .combine(siret, coordinate, coordinate, quality, epsg, plg, other.list().ofSize(13), extra)
        .as((s, x, y, q, e, p, rest, more) -> {
          List<String> fields = new ArrayList<>(List.of(s, x, y, q, e, p));
          fields.addAll(rest);
          if (more < 0) {
            return fields.subList(0, fields.size() + more);
          }
          for (int k = 0; k < more; k++) {
            fields.add("1");
          }
          return fields;
        });
    Arbitrary<List<String>> blank = Arbitraries.just(List.of(""));
    return Arbitraries.frequencyOf(Tuple.of(30, row), Tuple.of(1, blank)).list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 400, seed = "20261129")
  void generatedRowsReadTheSameThroughBothPaths(@ForAll("rows") List<List<String>> rows, @ForAll boolean crlf)
      throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (List<String> row : rows) {
      sb.append(String.join(";", row)).append(crlf ? "\r\n" : "\n");
    }
    byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
    Read fast = readChunked(file, 1 << 20, false);
    assertThat(fast).isEqualTo(readChunked(file, 1 << 20, true).withKnownLayoutRows(fast.knownLayoutRows));
    Read stream = readStream(file, false);
    assertThat(stream).isEqualTo(readStream(file, true).withKnownLayoutRows(stream.knownLayoutRows));
    assertThat(stream.rows).isEqualTo(fast.rows);
  }

  record Read(List<String> rows, List<String> report, long knownLayoutRows) {
    Read withKnownLayoutRows(long n) {
      return new Read(rows, report, n);
    }
  }

  /** As the import reads it: chunks cut at line ends, each located up to the last column read. */
  private static Read readChunked(byte[] file, int chunkBytes, boolean generalOnly) throws IOException {
    List<String> rows = new ArrayList<>();
    ImportReport report = new ImportReport();
    long known = 0;
    try (ChunkedInput chunks = new ChunkedInput(new ByteArrayInputStream(file), chunkBytes)) {
      Columns columns = GeoReader.columns(chunks.header(GeoReader.DELIMITER));
      long[] before = {1};
      List<GeoReader> readers = new ArrayList<>();
      chunks.process(1, chunk -> {
        DelimitedReader r = new DelimitedReader(chunk, GeoReader.DELIMITER, before[0]);
        GeoReader g = new GeoReader(columns, r, report);
        if (generalOnly) {
          g.generalPathOnly();
        }
        r.locateUpTo(g.lastColumn());
        while (g.next()) {
          rows.add(describe(g));
        }
        readers.add(g);
        Part part = new Part(r.linesRead() - before[0], r.carry());
        before[0] = r.linesRead();
        return part;
      }, (part, linesBefore) -> { }, (part, chunk) -> { });
      for (GeoReader g : readers) {
        known += g.knownLayoutRows;
      }
    }
    return new Read(rows, issues(report), known);
  }

  private static Read readStream(byte[] file, boolean generalOnly) throws IOException {
    List<String> rows = new ArrayList<>();
    ImportReport report = new ImportReport();
    try (GeoReader g = new GeoReader(new ByteArrayInputStream(file), report)) {
      if (generalOnly) {
        g.generalPathOnly();
      }
      g.r.locateUpTo(g.lastColumn());
      while (g.next()) {
        rows.add(describe(g));
      }
      return new Read(rows, issues(report), g.knownLayoutRows);
    }
  }

  private record Part(long lines, int carry) implements ChunkedInput.Part {}

  /** Everything the import reads of a row, the doubles to the bit. */
  private static String describe(GeoReader g) {
    double[] lonLat = {Double.NaN, Double.NaN};
    boolean wgs84 = g.wgs84(lonLat);
    return String.join("|", String.valueOf(g.lineNumber()), String.valueOf(g.siret()), g.siretText(),
        String.valueOf(g.hasPoint()), Long.toHexString(Double.doubleToRawLongBits(g.x())),
        Long.toHexString(Double.doubleToRawLongBits(g.y())), String.valueOf(g.epsg()), String.valueOf(g.quality()),
        String.valueOf(g.plgQp24Empty()), Long.toHexString(g.plgQp24Key()), String.valueOf(g.plgQp24()),
        wgs84 ? lonLat[0] + " " + lonLat[1] : "-");
  }

  private static List<String> issues(ImportReport report) {
    List<String> out = new ArrayList<>();
    out.add("read " + report.rowsRead() + " rejected " + report.rejected() + " repaired " + report.repaired());
    report.issues().forEach(i -> out.add(i.lineNumber() + " " + i.severity() + " " + i.identifier() + " " + i.reason()));
    return out;
  }
}
