package fr.quartiersproductifs.bench;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.locator.TestGeography;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a CSV of N realistic points for the end-to-end batch timing: {@code id,libelle,lon,lat}.
 * Usage: {@code PointFileGenerator OUT.csv N}. The 100,000 distinct points of {@link
 * RealisticPoints} repeat to reach N (the locator has no cache: repetition costs the same).
 */
public final class PointFileGenerator {
  private PointFileGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    long n = Long.parseLong(args[1]);
    List<Coordinates> points = RealisticPoints.generate(100_000, 7, TestGeography.load());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("id,libelle,lon,lat\n");
      for (long i = 0; i < n; i++) {
        Coordinates c = points.get((int) (i % points.size()));
        w.write(Long.toString(i));
        w.write(",établissement ");
        w.write(Long.toString(i % 997));
        w.write(String.format(Locale.ROOT, ",%.6f,%.6f%n", c.x(), c.y()));
      }
    }
    System.err.println("Écrit : " + out + " (" + n + " lignes)");
  }
}
