package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.dataset.ImportReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): the cost of reading the two SIRENE files alone, on one thread, in
 * nanoseconds of thread CPU time per row, the files held in memory as the import's 4 MiB chunks.
 * It separates what the pipeline's wall time mixes: the parser, the readers' checks, and, as a
 * floor, a bare scan of the words for delimiters, line feeds and quotes.
 *
 * <p>Modes (comma-separated, run in turn, repeated RUNS times): {@code scan} (the floor: the three
 * bit masks of each word, counted), {@code stock-raw} ({@link DelimitedReader} on the stock, every
 * field located), {@code stock} ({@link StockReader}: checks of each row), {@code stock-row} (and the values the
 * pipeline reads of each row), {@code geo-raw} (the
 * geolocation file located up to {@code plg_qp24}, as the import does), {@code geo}
 * ({@link GeoReader}).
 *
 * <p>Run: {@code java -Xmx3g -cp CP fr.quartiersproductifs.economy.sirene.SireneReadBench DIR RUNS
 * MODES} where DIR holds the files written by {@code SyntheticSirene} (the 4 M rows: ~1 GB of
 * heap). Compare two builds by alternating their JVMs (BENCHMARKS.md).
 */
public final class SireneReadBench {
  private SireneReadBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: SireneReadBench DIR RUNS MODES (scan,stock-raw,stock,stock-row,geo-raw,geo)");
      System.exit(2);
    }
    Path stock = Path.of(args[0], "StockEtablissement_SYNTHETIQUE.csv");
    Path geo = Path.of(args[0], "GeolocalisationEtablissement_SYNTHETIQUE.csv");
    List<DelimitedReader.Chunk> stockChunks = chunks(stock);
    List<DelimitedReader.Chunk> geoChunks = chunks(geo);
    Columns stockColumns = StockReader.columns(header(stock, StockReader.DELIMITER));
    Columns geoColumns = GeoReader.columns(header(geo, GeoReader.DELIMITER));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 0; run < Integer.parseInt(args[1]); run++) {
      for (String mode : args[2].split(",")) {
        long cpu = threads.getCurrentThreadCpuTime();
        long rows = 0;
        long sink = 0;
        for (DelimitedReader.Chunk chunk : mode.startsWith("geo") ? geoChunks : stockChunks) {
          switch (mode) {
            case "scan" -> {
              long[] r = scan(chunk);
              rows += r[0];
              sink += r[1];
            }
            case "stock-raw" -> {
              DelimitedReader r = new DelimitedReader(chunk, StockReader.DELIMITER, 0);
              while (r.next()) {
                rows++;
                sink += r.fieldCount();
              }
            }
            case "stock" -> {
              StockReader s = new StockReader(stockColumns, new DelimitedReader(chunk, StockReader.DELIMITER, 0), new ImportReport());
              while (s.next()) {
                rows++;
                sink += s.siret() + s.creationYear() + (s.active() ? 1 : 0);
              }
            }
            case "stock-row" -> {
              // What the pipeline's readRow reads of every row (the aggregate-only import).
              StockReader s = new StockReader(stockColumns, new DelimitedReader(chunk, StockReader.DELIMITER, 0), new ImportReport());
              while (s.next()) {
                rows++;
                sink += s.siret() + s.communeNumber() + (s.nafRev2() ? s.nafKey() : 0) + s.creationYear()
                    + (s.active() ? 1 : s.dateDebutYear()) + (s.hasCraftRegisterCode() ? 2 : 0)
                    + (s.employer() ? 4 : 0) + s.diffusion();
              }
            }
            case "geo-raw" -> {
              DelimitedReader r = new DelimitedReader(chunk, GeoReader.DELIMITER, 0);
              r.locateUpTo(new GeoReader(geoColumns, r, new ImportReport()).lastColumn());
              while (r.next()) {
                rows++;
                sink += r.fieldCount();
              }
            }
            case "geo" -> {
              DelimitedReader r = new DelimitedReader(chunk, GeoReader.DELIMITER, 0);
              GeoReader g = new GeoReader(geoColumns, r, new ImportReport());
              r.locateUpTo(g.lastColumn());
              while (g.next()) {
                rows++;
                sink += g.siret() + g.epsg() + (long) g.x();
              }
            }
            default -> throw new IllegalArgumentException("mode " + mode);
          }
        }
        long ns = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf(Locale.ROOT, "run %d %s: %.3f s CPU, %.1f ns/row, rows=%d (check %d)%n", run, mode,
            ns / 1e9, ns / (double) rows, rows, sink % 1000);
      }
    }
  }

  /** The file after its header, in memory, cut at line ends into the import's chunk size. */
  private static List<DelimitedReader.Chunk> chunks(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int start = 0;
    while (start < all.length && all[start] != '\n') {
      start++;
    }
    start++;
    List<DelimitedReader.Chunk> out = new ArrayList<>();
    while (start < all.length) {
      int end = Math.min(all.length, start + ChunkedInput.DEFAULT_CHUNK_BYTES);
      while (end < all.length && all[end - 1] != '\n') {
        end++;
      }
      out.add(new DelimitedReader.Chunk(all, start, end, end == all.length));
      start = end;
    }
    return out;
  }

  private static String[] header(Path file, char delimiter) throws IOException {
    try (DelimitedReader r = new DelimitedReader(Files.newInputStream(file), delimiter)) {
      return r.readHeader();
    }
  }

  /**
   * The floor: line feeds, and the delimiters and quotes of each word, counted, with the parser's
   * own word reads and byte tests ({@link DelimitedReader#word}, {@link DelimitedReader#zeroBytes}).
   */
  private static long[] scan(DelimitedReader.Chunk chunk) {
    byte[] d = chunk.data();
    long lines = 0;
    long marks = 0;
    for (int p = chunk.from(); p < chunk.to(); p += 8) {
      long w = DelimitedReader.word(d, p, chunk.to());
      lines += Long.bitCount(DelimitedReader.zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL));
      marks += Long.bitCount(DelimitedReader.zeroBytes(w ^ 0x2C2C2C2C2C2C2C2CL))
          + (DelimitedReader.zeroBytes(w ^ 0x2222222222222222L) != 0 ? 1 : 0);
    }
    return new long[] {lines, marks};
  }
}
