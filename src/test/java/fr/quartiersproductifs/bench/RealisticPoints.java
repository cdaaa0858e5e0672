package fr.quartiersproductifs.bench;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.geography.locator.Zone;
import fr.quartiersproductifs.geography.locator.ZoneProjection;
import fr.quartiersproductifs.support.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;

/**
 * A realistic, reproducible (seeded) mix of points for benchmarks: where the users' rows really
 * are. 50% real establishment positions (SIRENE sample, jittered by up to 200 m), 20% real
 * Montpellier address points (jittered by up to 50 m), 20% within 1.5 km of a QPV, 10% uniform in
 * the metropolitan bounding box (some at sea or abroad).
 */
public final class RealisticPoints {
  private RealisticPoints() {}

  public static List<Coordinates> generate(int n, long seed, ReferenceGeography geography) throws IOException {
    Random random = new Random(seed);
    List<double[]> establishments = establishments();
    List<double[]> addresses = addresses();
    List<Coordinate> vertices = new ArrayList<>();
    for (Qpv q : geography.qpvInForce(LocalDate.of(2025, 6, 1))) {
      vertices.addAll(List.of(q.geometry().getCoordinates()));
    }
    List<Coordinates> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double r = random.nextDouble();
      double lon;
      double lat;
      if (r < 0.5) {
        double[] p = establishments.get(random.nextInt(establishments.size()));
        lon = p[0] + jitter(random, 200, p[1]);
        lat = p[1] + jitter(random, 200, 0);
      } else if (r < 0.7) {
        double[] p = addresses.get(random.nextInt(addresses.size()));
        lon = p[0] + jitter(random, 50, p[1]);
        lat = p[1] + jitter(random, 50, 0);
      } else if (r < 0.9) {
        Coordinate c = vertices.get(random.nextInt(vertices.size()));
        lon = c.x + jitter(random, 1500, c.y);
        lat = c.y + jitter(random, 1500, 0);
      } else {
        lon = -5.5 + random.nextDouble() * 15.1;
        lat = 41.3 + random.nextDouble() * 9.8;
      }
      points.add(Coordinates.wgs84(Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6));
    }
    return points;
  }

  /** Degrees for up to {@code metres} (longitude scaled at {@code lat}, 0 for latitude). */
  private static double jitter(Random random, double metres, double lat) {
    double deg = metres / 111_320.0;
    if (lat != 0) {
      deg /= Math.cos(Math.toRadians(lat));
    }
    return (random.nextDouble() * 2 - 1) * deg;
  }

  private static List<double[]> establishments() throws IOException {
    ZoneProjection l93 = new ZoneProjection(Zone.METRO);
    List<double[]> points = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(SharedData.file("samples/sirene/GeolocalisationEtablissement_echantillon.csv"), StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      double[] out = new double[2];
      while ((line = r.readLine()) != null) {
        String[] f = line.split(";", -1);
        if (f.length > 4 && !f[1].isBlank() && !f[2].isBlank() && f[4].trim().equals("2154")) {
          l93.toLonLat(Double.parseDouble(f[1]), Double.parseDouble(f[2]), out);
          points.add(new double[] {out[0], out[1]});
        }
      }
    }
    return points;
  }

  private static List<double[]> addresses() throws IOException {
    List<double[]> points = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(SharedData.file("samples/adresses/adresses-montpellier-34172.csv"), StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(";", -1);
        if (f.length > 13 && !f[12].isBlank()) {
          points.add(new double[] {Double.parseDouble(f[12]), Double.parseDouble(f[13])});
        }
      }
    }
    return points;
  }
}
