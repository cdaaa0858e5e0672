package fr.quartiersproductifs.geocoding.bench;

import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geocoding.BanAddress;
import fr.quartiersproductifs.geocoding.GeocodeResult;
import fr.quartiersproductifs.geocoding.Geocoder;
import fr.quartiersproductifs.geocoding.LaPostePostcodes;
import fr.quartiersproductifs.geocoding.batch.AddressBatch;
import fr.quartiersproductifs.geocoding.ban.BanFiles;
import fr.quartiersproductifs.geocoding.index.AddressIndex;
import fr.quartiersproductifs.geocoding.index.AddressStore;
import fr.quartiersproductifs.geocoding.index.IndexBuilder;
import fr.quartiersproductifs.geography.Localisation;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Timed harness (not a unit test): index build time and size for the Montpellier sample, then batch
 * throughput of {@link AddressBatch} on typed addresses, 1 and 2 threads side by side, repeated;
 * medians printed. Run with {@code scripts/bench-geocoding.sh}.
 *
 * <p>Arguments: data directory (default ../shared/data), rounds (default 5), rows per batch
 * (default 36055).
 */
public final class GeocodingBench {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rowsPerBatch = args.length > 2 ? Integer.parseInt(args[2]) : 36_055;
    Path ban =
        System.getProperty("ban") != null
            ? Path.of(System.getProperty("ban"))
            : data.resolve("samples/adresses/adresses-montpellier-34172.csv");
    var postcodes = LaPostePostcodes.fromDataDir(data);

    // 1. Index build, repeated
    double[] buildSecs = new double[3];
    Path dir = null;
    long size = 0;
    int rows = 0;
    for (int i = 0; i < buildSecs.length; i++) {
      if (dir != null) {
        AddressStore.deleteTree(dir);
      }
      dir = Files.createTempDirectory("qp-bench-index-");
      System.gc();
      long heapBefore = usedHeap();
      long t0 = System.nanoTime();
      ImportReport report = new ImportReport();
      try (IndexBuilder b = new IndexBuilder(dir, null, postcodes)) {
        BanFiles.read(ban, report, (line, a) -> b.add(a));
        b.finish(true);
      }
      buildSecs[i] = (System.nanoTime() - t0) / 1e9;
      rows = report.rowsRead();
      try (Stream<Path> s = Files.walk(dir)) {
        size = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      System.out.printf(Locale.ROOT, "build %d: %.2f s, heap delta after build %.0f MB%n", i, buildSecs[i], (usedHeap() - heapBefore) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "INDEX rows=%d median_build_s=%.2f rows_per_s=%.0f size_bytes=%d bytes_per_row=%.1f%n",
        rows, median(buildSecs), rows / median(buildSecs), size, (double) size / rows);

    if (Boolean.getBoolean("buildOnly")) {
      AddressStore.deleteTree(dir);
      return;
    }
    // 2. Batch throughput on typed addresses (each point's address, written as people type it)
    List<Path> dirs = new ArrayList<>(List.of(dir));
    if (Boolean.getBoolean("splitByCommune")) {
      // one index per commune, searched together without routing: the cost of many sub-indexes
      java.util.Map<String, List<BanAddress>> byCommune = new java.util.TreeMap<>();
      BanFiles.read(ban, new ImportReport(), (line, a) -> byCommune.computeIfAbsent(a.codeInsee(), k -> new ArrayList<>()).add(a));
      dirs.clear();
      for (List<BanAddress> rowsOfCommune : byCommune.values()) {
        Path d = Files.createTempDirectory("qp-bench-unit-");
        try (IndexBuilder b = new IndexBuilder(d, null, postcodes)) {
          rowsOfCommune.forEach(b::add);
          b.finish(true);
        }
        dirs.add(d);
      }
      System.out.println("UNITS " + dirs.size());
    }
    AddressIndex index = AddressIndex.open(dirs);
    Geocoder geocoder = new Geocoder(() -> {
      index.acquire();
      return index;
    });
    List<BanAddress> all = new ArrayList<>();
    BanFiles.read(ban, new ImportReport(), (line, a) -> all.add(a));
    Random random = new Random(1);
    StringBuilder csv = new StringBuilder("id;adresse\n");
    for (int i = 0; i < rowsPerBatch; i++) {
      BanAddress a = all.get(i % all.size());
      csv.append(i).append(";\"").append(typed(a, random).replace("\"", "")).append("\"\n");
    }
    byte[] input = csv.toString().getBytes(StandardCharsets.UTF_8);
    AddressBatch.Options options = new AddressBatch.Options(List.of("adresse"), null, null, true, null, 0.8);
    fr.quartiersproductifs.geocoding.QpvLocator fakeQpv =
        (p, d) -> Localisation.undetermined("bench", d, p.x(), p.y());
    // warm-up
    new AddressBatch(geocoder, fakeQpv, 2).run(new ByteArrayInputStream(input), OutputStream.nullOutputStream(), options);
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int threads : new int[] {1, 2}) {
      double[] rates = new double[rounds];
      double[] cpuUs = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        var summary =
            new AddressBatch(geocoder, fakeQpv, threads)
                .run(new ByteArrayInputStream(input), OutputStream.nullOutputStream(), options);
        rates[r] = summary.rows() / ((System.nanoTime() - t0) / 1e9);
        cpuUs[r] = (os.getProcessCpuTime() - c0) / 1e3 / summary.rows();
      }
      System.out.printf(
          Locale.ROOT,
          "BATCH threads=%d rows=%d median_rows_per_s=%.0f all=%s median_cpu_us_per_row=%.0f (=> %.0f rows/s per fully available core)%n",
          threads, rowsPerBatch, median(rates), Arrays.toString(round(rates)), median(cpuUs), 1e6 / median(cpuUs));
    }
    System.out.printf(Locale.ROOT, "LOAD system_load_average=%.2f processors=%d%n", os.getSystemLoadAverage(), os.getAvailableProcessors());
    // single-query latency (no cache)
    double[] lat = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      int n = 5_000;
      for (int i = 0; i < n; i++) {
        GeocodeResult g = geocoder.geocodeOne(typed(all.get((i * 7) % all.size()), random), null, null);
        if (g == null) {
          continue;
        }
      }
      lat[r] = (System.nanoTime() - t0) / 1e3 / n;
    }
    System.out.printf(Locale.ROOT, "LATENCY single_thread_median_us_per_query=%.0f%n", median(lat));
    index.close();
    AddressStore.deleteTree(dir);
  }

  static String typed(BanAddress a, Random r) {
    String s = a.numero() + (a.rep().isEmpty() ? "" : " " + a.rep()) + " " + a.nomVoie();
    if (r.nextBoolean()) {
      s = s + " 34000 Montpellier";
    }
    if (r.nextInt(4) == 0) {
      s = s.toLowerCase(Locale.ROOT);
    }
    if (r.nextInt(5) == 0 && s.length() > 12) {
      int p = 8 + r.nextInt(s.length() - 10);
      s = s.substring(0, p) + s.substring(p + 1);
    }
    return s;
  }

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  static double[] round(double[] v) {
    return Arrays.stream(v).map(Math::rint).toArray();
  }

}
