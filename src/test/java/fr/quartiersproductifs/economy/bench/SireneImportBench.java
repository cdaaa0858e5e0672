package fr.quartiersproductifs.economy.bench;

import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.economy.SectorTypology;
import fr.quartiersproductifs.economy.sirene.SireneFiles;
import fr.quartiersproductifs.economy.sirene.SirenePipeline;
import fr.quartiersproductifs.shared.ContentFingerprint;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side benchmark of the SIRENE import pipeline (parse, join, project, locate, aggregate;
 * no database write) and DuckDB ({@code read_csv} + {@code GROUP BY} of active establishments by
 * commune and NAF section), on the same files, alternating runs in the same JVM.
 *
 * <p>Usage: {@code SireneImportBench DATA_DIR DIR_WITH_SYNTHETIC_FILES RUNS [duckdbThreads]}.
 * Switches: {@code -DskipDuckdb=true}, {@code -DskipJoin=true} (DuckDB's stock-only query alone),
 * {@code -DnoLocateVariant=false} (no run of ours without locating), {@code -Dfingerprint=false}
 * (the files not fingerprinted while read, which the import does).
 */
public final class SireneImportBench {
  /** The stock date of every run: the QPV lists in force then. */
  static final LocalDate DATE = LocalDate.of(2025, 11, 1);

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Path stock = dir.resolve("StockEtablissement_SYNTHETIQUE.csv");
    Path geo = dir.resolve("GeolocalisationEtablissement_SYNTHETIQUE.csv");
    // Outside the timings. Reading both files through also brings them into the page cache (they
    // fit in RAM): the first run of a JVM must not be the one that reads them from disk after the
    // previous JVM's DuckDB join pushed them out.
    long rows = lineFeeds(stock) - 1;
    lineFeeds(geo);
    String mode = System.getProperty("locator", "foundation");
    PointLocator real = mode.equals("geojson") ? new GeoJsonQpvLocator(data) : foundation(data);
    PointLocator none = new PointLocator() { // every point outside any QPV, through the same fast path
      @Override
      public PointLocator.Located locate(double x, double y, int e, LocalDate d) {
        return new PointLocator.Located(fr.quartiersproductifs.geography.QpvStatus.HORS_QPV, null);
      }

      @Override
      public PointLocator.Statuses statuses() {
        return new PointLocator.Statuses() {
          @Override
          public int status(double x, double y, int epsg, LocalDate date) {
            return HORS;
          }

          @Override
          public String qpvCode(int id) {
            throw new IllegalArgumentException();
          }
        };
      }
    };
    PointLocator locator = real;
    boolean withNoLocate = Boolean.parseBoolean(System.getProperty("noLocateVariant", "true"));
    List<Double> oursNoLocate = new ArrayList<>();
    boolean duckdb = !Boolean.getBoolean("skipDuckdb");
    System.out.printf(Locale.ROOT, "rows=%d stock=%d MB geo=%d MB maxHeap=%d MB duckdbThreads=%d%n", rows,
        Files.size(stock) >> 20, Files.size(geo) >> 20, Runtime.getRuntime().maxMemory() >> 20, threads);
    List<Double> ours = new ArrayList<>();
    List<Double> duck = new ArrayList<>();
    List<Double> duckJoin = new ArrayList<>();
    List<Double> oursCpus = new ArrayList<>();
    List<Double> duckCpus = new ArrayList<>();
    Class.forName("org.duckdb.DuckDBDriver");
    // The files are fingerprinted as they are read, as the import does (-Dfingerprint=false: not).
    boolean print = Boolean.parseBoolean(System.getProperty("fingerprint", "true"));
    // -DduckdbFirst=true: DuckDB's query before ours in each round, to check the order does not decide.
    boolean duckdbFirst = Boolean.getBoolean("duckdbFirst");
    long expectedGeoRows = SireneFiles.expectedRows(geo); // the import's own sizing
    for (int run = 0; run < runs; run++) {
      if (duckdbFirst) {
        duckRun(duckdb, stock, geo, threads, run, duck, duckCpus, duckJoin);
      }
      resetPeak();
      long gc0 = gcMillis();
      long jit0 = jitMillis();
      long[] stat0 = procStat();
      long c0 = cpu();
      long t0 = System.nanoTime();
      SirenePipeline.Result r;
      try (InputStream s = SireneFiles.open(stock, print ? new ContentFingerprint() : null);
          InputStream g = SireneFiles.open(geo, print ? new ContentFingerprint() : null)) {
        r = new SirenePipeline(locator, c -> false, options())
            .run(s, g, expectedGeoRows, e -> {});
      }
      double t = (System.nanoTime() - t0) / 1e9;
      double oursCpu = (cpu() - c0) / 1e9;
      long gcPauses = gcMillis() - gc0;
      long jit = jitMillis() - jit0;
      long[] stat1 = procStat();
      ours.add(t);
      oursCpus.add(oursCpu);
      long activeInQpv = r.activity().stream().filter(a -> a.qpvCode() != null).mapToLong(a -> a.active()).sum();
      System.out.printf(Locale.ROOT, "run %d ours: %.2f s (%.0f rows/s) active=%d inQpv=%d aggRows=%d geoIndex=%d MB peakHeapUsed=%d MB cpu=%.2f s gcPauses=%.2f s jit=%.2f s minorFaults=%d sys=%.2f s [%s]%n",
          run, t, rows / t, r.activeEstablishments(), activeInQpv, r.activity().size(), r.geoIndexBytes() >> 20, peak() >> 20, oursCpu,
          gcPauses / 1e3, jit / 1e3, stat1[0] - stat0[0], (stat1[1] - stat0[1]) / 1e3, r.timings());
      if (withNoLocate) {
        long t1 = System.nanoTime();
        try (InputStream s = SireneFiles.open(stock, null); InputStream g = SireneFiles.open(geo, null)) {
          new SirenePipeline(none, c -> false, options())
              .run(s, g, expectedGeoRows, e -> {});
        }
        double tn = (System.nanoTime() - t1) / 1e9;
        oursNoLocate.add(tn);
        System.out.printf(Locale.ROOT, "run %d ours without locating (parse, join, classify, aggregate): %.2f s (%.0f rows/s)%n", run, tn, rows / tn);
      }
      if (!duckdbFirst) {
        duckRun(duckdb, stock, geo, threads, run, duck, duckCpus, duckJoin);
      }
    }
    double mo = median(ours);
    double md = median(duck);
    double mj = median(duckJoin);
    System.out.printf(Locale.ROOT, "MEDIAN ours %.2f s (%.0f rows/s) | duckdb stock-only %.2f s (%.0f rows/s) | duckdb stock+geo join %.2f s (%.0f rows/s)%n",
        mo, rows / mo, md, rows / md, mj, rows / mj);
    System.out.printf(Locale.ROOT, "RATIO ours/duckdb-stock-only throughput = %.2f ; ours/duckdb-join = %.2f%n", md / mo, mj / mo);
    System.out.printf(Locale.ROOT, "MEDIAN CPU ours %.2f s | duckdb stock-only %.2f s (cores used: %.2f and %.2f)%n",
        median(oursCpus), median(duckCpus), median(oursCpus) / mo, median(duckCpus) / md);
    if (withNoLocate) {
      double mn = median(oursNoLocate);
      System.out.printf(Locale.ROOT, "MEDIAN ours without locating %.2f s (%.0f rows/s) ; ratio vs duckdb stock-only = %.2f, vs duckdb join = %.2f%n",
          mn, rows / mn, md / mn, mj / mn);
    }
    System.exit(0); // the Spring context of the foundation locator keeps non-daemon threads
  }

  /** DuckDB's queries of one round (NaN when skipped), added to the lists. */
  private static void duckRun(boolean duckdb, Path stock, Path geo, int threads, int run, List<Double> duck,
      List<Double> duckCpus, List<Double> duckJoin) throws Exception {
    if (duckdb) {
      double[] d = duck(stock, null, threads, run);
      duck.add(d[0]);
      duckCpus.add(d[1]);
      duckJoin.add(Boolean.getBoolean("skipJoin") ? Double.NaN : duck(stock, geo, threads, run)[0]);
    } else {
      duck.add(Double.NaN);
      duckCpus.add(Double.NaN);
      duckJoin.add(Double.NaN);
    }
  }

  /** The import's options; {@code -DchunkBytes=N} changes the chunk size (default 4 MiB). */
  private static SirenePipeline.Options options() {
    return new SirenePipeline.Options(DATE, 10, 1000, Runtime.getRuntime().availableProcessors(),
        Integer.getInteger("chunkBytes", fr.quartiersproductifs.economy.sirene.ChunkedInput.DEFAULT_CHUNK_BYTES));
  }

  /**
   * The foundation's locator, from a Spring context on an in-memory H2 loaded with the reference
   * data, its index built for the benchmarks' date. The context starts as {@code qp import
   * sirene}'s does (no web server, lazy beans, so no sample imports): a web context imported the
   * sample addresses and establishments at start, and the compiler's backlog of that work ran
   * into the first timed run.
   */
  static PointLocator foundation(Path data) {
    var ctx = new org.springframework.boot.builder.SpringApplicationBuilder(fr.quartiersproductifs.QpApplication.class)
        .web(org.springframework.boot.WebApplicationType.NONE)
        .run("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "--qp.data-dir=" + data.toAbsolutePath(), "--spring.main.lazy-initialization=true", "--spring.main.banner-mode=off",
            "--logging.level.root=WARN", "--logging.level.fr.quartiersproductifs=WARN");
    var service = ctx.getBean(fr.quartiersproductifs.geography.QpvLocationService.class);
    service.locator().warmUp(DATE);
    System.out.println("foundation locator ready");
    return new fr.quartiersproductifs.economy.geo.FoundationPointLocator(service);
  }

  /** One DuckDB query: its wall time and the process's CPU time over it, in seconds. */
  private static double[] duck(Path stock, Path geo, int threads, int run) throws Exception {
    StringBuilder sections = new StringBuilder();
    for (SectorTypology.Section s : SectorTypology.SECTIONS) {
      for (int d = s.fromDivision(); d <= s.toDivision(); d++) {
        sections.append(sections.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "('%02d','%s')", d, s.code()));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads=" + threads);
      st.execute("CREATE TABLE sections(division VARCHAR, section VARCHAR)");
      st.execute("INSERT INTO sections VALUES " + sections);
      String from = "read_csv('" + stock + "', header=true, delim=',', quote='\"', all_varchar=true) s";
      if (geo != null) {
        from += " LEFT JOIN read_csv('" + geo + "', header=true, delim=';', all_varchar=true) g ON g.siret = s.siret";
      }
      String sql = "SELECT s.codeCommuneEtablissement, coalesce(x.section, '?') AS section, "
          + (geo != null ? "count(g.x) AS located, " : "") + "count(*) AS n FROM " + from
          + " LEFT JOIN sections x ON x.division = substr(s.activitePrincipaleEtablissement, 1, 2)"
          + " WHERE s.etatAdministratifEtablissement = 'A' GROUP BY ALL";
      long[] stat0 = procStat();
      long c0 = cpu();
      long t0 = System.nanoTime();
      long groups = 0;
      long total = 0;
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          groups++;
          total += rs.getLong("n");
        }
      }
      double t = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpu() - c0) / 1e9;
      long[] stat1 = procStat();
      System.out.printf(Locale.ROOT, "run %d duckdb %s: %.2f s cpu=%.2f s groups=%d active=%d minorFaults=%d sys=%.2f s%n", run,
          geo == null ? "stock-only" : "stock+geo", t, cpu, groups, total, stat1[0] - stat0[0], (stat1[1] - stat0[1]) / 1e3);
      return new double[] {t, cpu};
    }
  }

  /** The line feeds of a file, read through as raw bytes. */
  private static long lineFeeds(Path file) throws java.io.IOException {
    long n = 0;
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  /** CPU time of the whole process (every thread, DuckDB's native ones included), in ns. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Minor page faults and kernel CPU time (ms) of the process so far (Linux: fields 10 and 15 of
   * /proc/self/stat), -1 elsewhere. A first touch of a page is one minor fault: on this virtual
   * machine each costs some 7-15 µs of kernel time.
   */
  private static long[] procStat() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is the 3rd field (state): minflt is the 10th, stime the 15th (clock ticks of 10 ms)
      return new long[] {Long.parseLong(f[7]), Long.parseLong(f[12]) * 10};
    } catch (java.io.IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /** Time the JIT compilers spent so far (all compiler threads), in ms. */
  private static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /** Pause time of the collectors so far, in ms. */
  private static long gcMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static void resetPeak() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
