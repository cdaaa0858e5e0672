package fr.quartiersproductifs.economy.bench;

import fr.quartiersproductifs.economy.PointLocator;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The locator's bulk status path alone, on the points of a synthetic geolocation file: the part of
 * the SIRENE import that the whole pipeline's noise hides. Points are read into arrays first, then
 * located again and again on one thread; the figure is that thread's CPU time (less disturbed by
 * other processes than wall time), one line per repetition. Compare two builds in alternating JVMs.
 *
 * <p>Usage: {@code LocateStatusBench DATA_DIR GEOLOCATION_FILE MAX_POINTS [REPETITIONS]}.
 */
public final class LocateStatusBench {
  public static void main(String[] args) throws Exception {
    int max = Integer.parseInt(args[2]);
    int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    double[] xs = new double[max];
    double[] ys = new double[max];
    int[] epsg = new int[max];
    int n = 0;
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[1]))) {
      r.readLine();
      String line;
      while (n < max && (line = r.readLine()) != null) {
        String[] f = line.split(";", -1);
        if (f[1].isEmpty() || f[3].equals("33")) {
          continue; // not located by the import either
        }
        xs[n] = Double.parseDouble(f[1]);
        ys[n] = Double.parseDouble(f[2]);
        epsg[n] = Integer.parseInt(f[4]);
        n++;
      }
    }
    LocalDate date = SireneImportBench.DATE;
    PointLocator.Statuses statuses = SireneImportBench.foundation(Path.of(args[0])).statuses();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < repetitions; rep++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      long inQpv = 0;
      for (int i = 0; i < n; i++) {
        inQpv += statuses.status(xs[i], ys[i], epsg[i], date) >= 0 ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "repetition %d: cpu %.3f s, wall %.3f s, %d points, %d in a QPV%n", rep,
          (threads.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, n, inQpv);
    }
    System.exit(0); // the Spring context keeps non-daemon threads
  }
}
